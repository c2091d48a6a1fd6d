using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sandbox.Data;
using Sandbox.Security;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.EServices;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Hosting;

public static class WorkflowServices
{
    public const string ConnectionName = "workflow";

    public static WebApplicationBuilder AddWorkflowServices(this WebApplicationBuilder builder)
    {
        var options = ReadOptions(builder);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SandboxClock>();
        builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<SandboxClock>());
        builder.Services.AddSingleton<CalledProcesses>();
        builder.Services.AddSingleton(sp => new WorkflowEngine(new WorkflowEngineOptions
        {
            Clock = sp.GetRequiredService<TimeProvider>(), Processes = sp.GetRequiredService<CalledProcesses>(),
        }));
        builder.Services.AddSingleton<DefinitionCache>();
        builder.Services.AddSingleton<Telemetry>();
        AddDatabase(builder.Services, options, builder.Configuration.GetConnectionString(ConnectionName));
        builder.Services.AddScoped<EffectWriter>();
        builder.Services.AddScoped<CallActivities>();
        builder.Services.AddSingleton<CallSignal>();
        builder.Services.AddScoped<OutboxWriter>();
        builder.Services.AddScoped<NotifyJobs>();
        builder.Services.AddScoped<SubmissionStarter>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<JobSignal>();
        builder.Services.TryAddSingleton<IEventPublisher, DaprEventPublisher>();
        builder.Services.TryAddSingleton<IJobInvoker, DaprJobInvoker>();
        builder.Services.TryAddSingleton<IFormValidator, DaprFormValidator>();
        // The e-service catalog registers the real ones; without it no form starts a process and every job is pulled.
        builder.Services.TryAddScoped<IEServiceCatalog, NoEServiceCatalog>();
        builder.Services.TryAddScoped<IEServiceNames, NoEServiceNames>();
        // Hosted services start in this order: the schema exists before any background loop reads it.
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddScoped<SandboxClockStore>();
        // Without the sandbox clock nobody moves it, so there is nothing to read again.
        if (options.SandboxClock) builder.Services.AddHostedService<SandboxClockRefresher>();
        builder.Services.AddHostedService<OutboxPublisher>();
        builder.Services.AddHostedService<JobDispatcher>();
        builder.Services.AddScoped<InstanceRunner>();
        builder.Services.AddHostedService<TimerPoller>();
        builder.Services.AddHostedService<CallResultPoller>();
        builder.Services.AddScoped<MessageCorrelator>();
        builder.Services.AddHostedService<MessageBufferPoller>();
        builder.AddSandboxAuthentication(ConnectionName);
        builder.AddDaprAppToken();
        builder.Services.AddWorkflowPolicies();
        builder.AddEServices();
        return builder;
    }

    // One context type per provider, each with its own migrations; the services inject WorkflowDb.
    // Pooled: a request or loop iteration reuses a context instead of building one (and its options) anew.
    private static void AddDatabase(IServiceCollection services, WorkflowOptions options, string? connectionString)
    {
        if (options.Database.ToLowerInvariant() is "postgres" or "postgresql")
            services.AddDbContextPool<WorkflowDb, PostgresWorkflowDb>(db => UseDatabase(db, options, connectionString));
        else
            services.AddDbContextPool<WorkflowDb, SqliteWorkflowDb>(db => UseDatabase(db, options, connectionString));
    }

    private static WorkflowOptions ReadOptions(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(WorkflowOptions.Section).Get<WorkflowOptions>() ?? new();
        var data = builder.Configuration["SANDBOX_DATA"];
        options.DataPath = Path.GetFullPath(string.IsNullOrWhiteSpace(data)
            ? Path.Combine(builder.Environment.ContentRootPath, ".sandbox-data", "workflow")
            : data);
        return options;
    }

    // Every step runs the same few statements: prepared once per pooled connection, PostgreSQL parses and plans
    // them once instead of each time. A connection string that sets it keeps its own value.
    private static string WithPreparedStatements(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    private static void UseDatabase(DbContextOptionsBuilder db, WorkflowOptions options, string? connectionString)
    {
        switch (options.Database.ToLowerInvariant())
        {
            case "postgres" or "postgresql":
                db.UseNpgsql(WithPreparedStatements(connectionString ?? throw new InvalidOperationException(
                    "Sandbox:Workflow:Database is postgres but ConnectionStrings:workflow is not set.")));
                break;
            case "sqlite":
                Directory.CreateDirectory(options.DataPath);
                db.UseSqlite(connectionString ?? $"Data Source={Path.Combine(options.DataPath, "workflow.db")}")
                    .AddInterceptors(new SqliteConnectionSetup(new SqliteConnectionOptions
                    {
                        // Writers of this process queue in WorkflowDb first; the timeout covers other processes.
                        BusyTimeout = TimeSpan.FromSeconds(30),
                        Synchronous = SqliteConnectionOptions.ParseSynchronous(options.SqliteSynchronous, "Sandbox:Workflow:SqliteSynchronous"),
                    }));
                break;
            default:
                throw new InvalidOperationException($"Unknown Sandbox:Workflow:Database '{options.Database}': use sqlite or postgres.");
        }
    }
}
