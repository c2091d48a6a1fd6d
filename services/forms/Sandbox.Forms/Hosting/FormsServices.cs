using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sandbox.Data;
using Sandbox.Feel;
using Sandbox.Forms.Attachments;
using Sandbox.Forms.Data;
using Sandbox.Forms.Domain;
using Sandbox.Forms.Outbox;

namespace Sandbox.Forms.Hosting;

public static class FormsServices
{
    /// <summary>Storage, domain services, the outbox publisher and telemetry of the forms service.</summary>
    public static WebApplicationBuilder AddFormsServices(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(FormsOptions.Section).Get<FormsOptions>() ?? new();
        var data = builder.Configuration["SANDBOX_DATA"];
        options.DataPath = Path.GetFullPath(string.IsNullOrWhiteSpace(data)
            ? Path.Combine(builder.Environment.ContentRootPath, ".sandbox-data", "forms")
            : data);
        builder.Services.AddSingleton(options);

        var connectionString = builder.Configuration.GetConnectionString("forms");
        AddDatabase(builder.Services, options, connectionString);
        builder.Services.AddHostedService<DatabaseInitializer>();

        builder.Services.AddSingleton(sp => new FeelEngine(new FeelEngineOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() }));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Telemetry>();
        builder.Services.AddSingleton<SchemaCache>();
        builder.Services.AddScoped<FormDefinitions>();
        builder.Services.AddScoped<Submissions>();
        builder.Services.AddSingleton(options.Database.Equals("sqlite", StringComparison.OrdinalIgnoreCase)
            ? SqliteWriteGate.ForSqlite(SqliteConnectionString(options, connectionString))
            : SqliteWriteGate.None);
        builder.Services.AddSingleton<ReferenceNumbers>();
        builder.Services.AddScoped<Drafts>();
        builder.Services.AddScoped<AttachmentFiles>();
        if (options.VirusScanner.Clamd.Host.Length > 0) builder.Services.AddSingleton<IVirusScanner>(new ClamdScanner(options.VirusScanner.Clamd));
        builder.Services.TryAddSingleton<IVirusScanner, NoVirusScanner>();
        builder.Services.AddHostedService<DraftSweeper>();

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IEventPublisher, DaprEventPublisher>();
        builder.Services.AddHostedService<OutboxPublisher>();
        return builder;
    }

    // One context type per provider, each with its own migrations; the services inject FormsDbContext.
    // Pooled: a request takes a ready context instead of building one and its services each time.
    private static void AddDatabase(IServiceCollection services, FormsOptions options, string? connectionString)
    {
        if (options.Database.ToLowerInvariant() is "postgres" or "postgresql")
            services.AddDbContextPool<FormsDbContext, PostgresFormsDbContext>(db => UseDatabase(db, options, connectionString));
        else
            services.AddDbContextPool<FormsDbContext, SqliteFormsDbContext>(db => UseDatabase(db, options, connectionString));
    }

    private static void UseDatabase(DbContextOptionsBuilder db, FormsOptions options, string? connectionString)
    {
        switch (options.Database.ToLowerInvariant())
        {
            case "postgres" or "postgresql":
                db.UseNpgsql(connectionString ?? throw new InvalidOperationException(
                    "Sandbox:Forms:Database is postgres but ConnectionStrings:forms is not set."));
                break;
            case "sqlite":
                Directory.CreateDirectory(options.DataPath);
                // WAL only: the synchronous level stays SQLite's default (FULL), a flush at every commit.
                db.UseSqlite(SqliteConnectionString(options, connectionString))
                    .AddInterceptors(new SqliteConnectionSetup(new SqliteConnectionOptions()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Sandbox:Forms:Database '{options.Database}': use sqlite or postgres.");
        }
    }

    private static string SqliteConnectionString(FormsOptions options, string? connectionString) =>
        connectionString ?? $"Data Source={Path.Combine(options.DataPath, "forms.db")}";
}
