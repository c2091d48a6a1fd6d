using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Sandbox.Identity.Data;
using Sandbox.Identity.Keys;
using Sandbox.Identity.Login;
using Sandbox.Identity.Tokens;
using Sandbox.Security;

namespace Sandbox.Identity.Hosting;

public static class IdentityServices
{
    public static WebApplicationBuilder AddIdentityServices(this WebApplicationBuilder builder)
    {
        var options = ReadOptions(builder);
        builder.Services.AddSingleton(options);
        var keys = new SigningKeyStore(options.DataPath);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(TimeProvider.System);

        AddDatabase(builder.Services, options, builder.Configuration.GetConnectionString("identity"));
        builder.Services.AddIdentityCore<StaffUser>(o => o.User.RequireUniqueEmail = false)
            .AddRoles<Microsoft.AspNetCore.Identity.IdentityRole>()
            .AddEntityFrameworkStores<IdentityStore>();

        builder.Services.AddDataProtection()
            .SetApplicationName("Sandbox.Identity")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataPath, "data-protection")));
        builder.Services.AddAntiforgery();

        builder.Services.AddAuthentication(LoginCookie.Scheme).AddLoginCookie();
        builder.AddSandboxAuthentication("identity", jwt => LocalKeys.Configure(jwt, options, keys));
        builder.AddDaprAppToken();
        builder.Services.AddSandboxOpenIddict(options, keys);

        builder.Services.AddScoped<PrincipalFactory>();
        builder.Services.AddScoped<TestTokenIssuer>();
        builder.Services.AddScoped<Personas.PersonaService>();
        builder.Services.AddScoped<Personas.PeopleDirectory>();
        builder.Services.AddHostedService<IdentitySeeder>();
        builder.Services.AddHealthChecks().AddDbContextCheck<IdentityStore>("identity-store");
        builder.Services.AddSingleton<Telemetry>();
        return builder;
    }

    private static SandboxIdentityOptions ReadOptions(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SandboxIdentityOptions.Section).Get<SandboxIdentityOptions>() ?? new();
        options.TestTokensEnabled = builder.Configuration.GetValue<bool>("Sandbox:TestTokens:Enabled");
        var data = builder.Configuration["SANDBOX_DATA"];
        options.DataPath = Path.GetFullPath(string.IsNullOrWhiteSpace(data)
            ? Path.Combine(builder.Environment.ContentRootPath, ".sandbox-data", "identity")
            : data);
        Directory.CreateDirectory(options.DataPath);
        return options;
    }

    // One context type per provider, each with its own migrations; the services inject IdentityStore.
    private static void AddDatabase(IServiceCollection services, SandboxIdentityOptions options, string? connectionString)
    {
        if (options.Database.ToLowerInvariant() is "postgres" or "postgresql")
            services.AddDbContext<IdentityStore, PostgresIdentityStore>(db => UseDatabase(db, options, connectionString).UseOpenIddict());
        else
            services.AddDbContext<IdentityStore, SqliteIdentityStore>(db => UseDatabase(db, options, connectionString).UseOpenIddict());
    }

    private static DbContextOptionsBuilder UseDatabase(DbContextOptionsBuilder db, SandboxIdentityOptions options, string? connectionString)
    {
        switch (options.Database.ToLowerInvariant())
        {
            case "postgres" or "postgresql":
                db.UseNpgsql(connectionString ?? throw new InvalidOperationException(
                    "Sandbox:Identity:Database is postgres but ConnectionStrings:identity is not set."));
                break;
            case "sqlite":
                db.UseSqlite(connectionString ?? $"Data Source={Path.Combine(options.DataPath, "identity.db")}");
                break;
            default:
                throw new InvalidOperationException($"Unknown Sandbox:Identity:Database '{options.Database}': use sqlite or postgres.");
        }
        return db;
    }
}
