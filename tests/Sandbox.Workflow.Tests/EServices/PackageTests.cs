using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.EServices;

namespace Sandbox.Workflow.Tests.EServices;

/// <summary>Reading and checking packages without a running service.</summary>
public sealed class PackageTests
{
    private static readonly PackageValidator Validator = new(new WorkflowEngine(new WorkflowEngineOptions()));

    private static (EServicePackage? Package, Dictionary<string, string[]> Problems) Validate(PackageFiles files, string tenant = "bergen")
    {
        var problems = new PackageProblems();
        var package = Validator.Validate(files, tenant, problems);
        return (package, problems.ToDictionary());
    }

    [Fact]
    public void SamplePackage_Validates()
    {
        var (package, problems) = Validate(SamplePackage.Files());

        Assert.Empty(problems);
        Assert.NotNull(package);
        Assert.Equal("school-transport", package.Manifest.Id);
        Assert.Equal("school-transport", package.Process.Id);
        Assert.Equal(["school-transport-application", "school-transport-review"], package.Forms.Select(f => f.FormId));
        Assert.Equal(10, package.Templates.Count);
        Assert.All(package.Templates, t => Assert.Equal("school-transport", t.Body["eservice"]!.GetValue<string>()));
        Assert.Equal(new JobRoute("distance-check", "jobs/distance-check"), package.Manifest.Jobs["distance-check"]);
        var application = package.Forms[0].Envelope["translations"]!.AsObject();
        Assert.Equal(["en", "fi", "nb", "sv"], application.Select(t => t.Key).Order());
    }

    [Theory]
    [InlineData("uppsala", 2)]
    [InlineData("tampere", 5)]
    [InlineData("bergen", 4)]
    public void SamplePackage_TenantVariablesOverrideThePackageOnes(string tenant, int limit)
    {
        var (package, _) = Validate(SamplePackage.Files());

        Assert.Equal(limit, package!.Manifest.VariablesFor(tenant)["distanceLimitKm"]!.GetValue<long>());
    }

    [Fact]
    public void Zip_OfThePackageFolder_ReadsAsThePackage()
    {
        var zip = SamplePackage.Zip(SamplePackage.Map().Select(f => KeyValuePair.Create("school-transport/" + f.Key, f.Value)));

        var files = PackageFiles.FromZip(new MemoryStream(zip), new PackageLimits());

        Assert.Equal(SamplePackage.Files().Hash(), files.Hash());
    }

    [Theory]
    [InlineData("../eservice.yaml")]
    [InlineData("forms/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/windows/win.ini")]
    [InlineData("forms\\..\\..\\x")]
    public void Zip_WithAPathOutsideThePackage_IsRefused(string path)
    {
        var zip = SamplePackage.Zip([KeyValuePair.Create("eservice.yaml", "id: x"), KeyValuePair.Create(path, "x")]);

        var e = Assert.Throws<PackageFormatException>(() => PackageFiles.FromZip(new MemoryStream(zip), new PackageLimits()));
        Assert.Equal(path, e.File);
    }

    [Fact]
    public void Zip_WhoseEntryUnpacksPastTheLimit_IsRefused()
    {
        // 1 MB of one letter compresses to about a kilobyte.
        var zip = SamplePackage.Zip([KeyValuePair.Create("eservice.yaml", new string('a', 1024 * 1024))]);
        Assert.True(zip.Length < 10_000);

        var e = Assert.Throws<PackageFormatException>(() => PackageFiles.FromZip(new MemoryStream(zip), new PackageLimits { MaxFileBytes = 64 * 1024 }));
        Assert.Contains("too large", e.Message);
    }

    [Fact]
    public void Zip_WithTooManyFiles_IsRefused()
    {
        var zip = SamplePackage.Zip(Enumerable.Range(0, 11).Select(i => KeyValuePair.Create($"f{i}.txt", "x")));

        Assert.Throws<PackageFormatException>(() => PackageFiles.FromZip(new MemoryStream(zip), new PackageLimits { MaxFiles = 10 }));
    }

    [Fact]
    public void Zip_ThatIsNotAZip_IsRefused()
    {
        var e = Assert.Throws<PackageFormatException>(() => PackageFiles.FromZip(new MemoryStream("not a zip"u8.ToArray()), new PackageLimits()));
        Assert.Equal("package", e.File);
    }

    [Fact]
    public void Hash_ChangesWithContentOnly()
    {
        Assert.Equal(SamplePackage.Files().Hash(), SamplePackage.Files().Hash());
        Assert.NotEqual(SamplePackage.Files().Hash(), SamplePackage.Files(f => f["eservice.yaml"] += "\n# changed").Hash());
    }

    [Fact]
    public void Manifest_WithoutNamesAndWithAnUnknownKey_NamesEachProblem()
    {
        var (package, problems) = Validate(SamplePackage.Files(f => f["eservice.yaml"] = f["eservice.yaml"]
            .Replace("  fi: Koulukuljetus\n", "").Replace("startForm:", "colour: blue\nstartForm:")));

        Assert.Null(package);
        var reasons = problems["eservice.yaml"];
        Assert.Contains(reasons, r => r.Contains("names needs a text in 'fi'"));
        Assert.Contains(reasons, r => r.Contains("Unknown key 'colour'"));
    }

    [Fact]
    public void Manifest_ThatIsNotYaml_GivesTheLine()
    {
        var (_, problems) = Validate(SamplePackage.Files(f => f["eservice.yaml"] = "id: x\nnames: [unclosed\n"));

        Assert.Contains("Line", Assert.Single(problems["eservice.yaml"]));
    }

    [Fact]
    public void Manifest_OfAnotherTenant_IsRefused()
    {
        var (_, problems) = Validate(SamplePackage.Files(f => f["eservice.yaml"] += "tenant: uppsala\n"), tenant: "bergen");

        Assert.Contains(problems["eservice.yaml"], r => r.Contains("not the caller's tenant"));
    }

    [Fact]
    public void Process_ThatTheEngineRefuses_NamesTheElement()
    {
        var (_, problems) = Validate(SamplePackage.Files(f => f["process.bpmn"] = f["process.bpmn"]
            .Replace("<bpmn:serviceTask id=\"distance-check\"", "<bpmn:businessRuleTask id=\"distance-check\"")
            .Replace("</bpmn:serviceTask>", "</bpmn:businessRuleTask>")));

        Assert.Contains(problems["process.bpmn"], r => r.Contains("distance-check"));
    }

    [Fact]
    public void StartForm_ThatNoFormHas_IsRefused()
    {
        var (_, problems) = Validate(SamplePackage.Files(f => f["eservice.yaml"] = f["eservice.yaml"]
            .Replace("startForm: school-transport-application", "startForm: other-form")));

        Assert.Contains(problems["eservice.yaml"], r => r.Contains("startForm 'other-form'"));
    }

    [Fact]
    public void NotifyTemplate_MissingFromThePackage_IsRefused()
    {
        var (_, problems) = Validate(SamplePackage.Files(f => f["eservice.yaml"] = f["eservice.yaml"]
            .Replace("  - templates/approved-inapp.yaml\n", "")));

        Assert.Contains(problems["process.bpmn"], r => r.Contains("template 'approved-inapp'"));
    }

    [Fact]
    public void ListedFile_ThatIsMissing_IsNamed()
    {
        var (_, problems) = Validate(SamplePackage.Files(f => f.Remove("forms/review.form")));

        Assert.Contains("forms/review.form", problems.Keys);
    }

    [Fact]
    public void Form_WithoutId_AndTemplate_WithoutBody_AreNamed()
    {
        var (_, problems) = Validate(SamplePackage.Files(f =>
        {
            f["forms/review.form"] = "{\"components\": []}";
            f["templates/received-email.yaml"] = f["templates/received-email.yaml"].Replace("    body: |-", "    text: |-");
        }));

        Assert.Contains(problems["forms/review.form"], r => r.Contains("needs an id"));
        Assert.Contains(problems["templates/received-email.yaml"], r => r.Contains("needs a body"));
    }

    [Fact]
    public void Job_WithoutMethod_IsRefused()
    {
        var (_, problems) = Validate(SamplePackage.Files(f => f["eservice.yaml"] = f["eservice.yaml"]
            .Replace("{ app: distance-check, method: jobs/distance-check }", "{ app: distance-check }")));

        Assert.Contains(problems["eservice.yaml"], r => r.Contains("jobs.distance-check needs an app and a method"));
    }

    [Fact]
    public void Yaml_AliasBomb_IsRefused()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n";

        Assert.Throws<PackageFormatException>(() => YamlJson.Parse("eservice.yaml", bomb));
    }

    [Theory]
    [InlineData("a: 1\na: 2\n", "occurs twice")]
    [InlineData("? [x]\n: 1\n", "keys must be text")]
    [InlineData("a: *nowhere\n", "alias")]
    [InlineData("a: 1\n---\nb: 2\n", "one YAML document")]
    public void Yaml_Unusable_IsRefusedWithTheLine(string yaml, string reason)
    {
        var e = Assert.Throws<PackageFormatException>(() => YamlJson.Parse("x.yaml", yaml));

        Assert.Contains(reason, e.Message);
        Assert.StartsWith("Line ", e.Message);
    }

    [Fact]
    public void Yaml_NestedTooDeep_IsRefusedWithoutRecursion()
    {
        var deep = new string('[', 200_000) + new string(']', 200_000);

        var e = Assert.Throws<PackageFormatException>(() => YamlJson.Parse("x.yaml", deep));

        Assert.Contains("nested deeper", e.Message);
    }

    [Fact]
    public void Yaml_Aliases_AreExpanded()
    {
        var json = YamlJson.Parse("x.yaml", "base: &b { limit: 4 }\nuppsala: *b\nlist: [&x one, *x]")!;

        Assert.Equal("{\"base\":{\"limit\":4},\"uppsala\":{\"limit\":4},\"list\":[\"one\",\"one\"]}", json.ToJsonString());
    }

    [Fact]
    public void Yaml_PlainScalarsAreTyped_QuotedOnesStayText()
    {
        var json = YamlJson.Parse("x.yaml", "a: 4\nb: '4'\nc: true\nd: 2.5\ne: null\nf: text")!;

        Assert.Equal("{\"a\":4,\"b\":\"4\",\"c\":true,\"d\":2.5,\"e\":null,\"f\":\"text\"}", json.ToJsonString());
    }
}
