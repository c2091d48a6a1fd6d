using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sandbox.Data;
using Sandbox.Notifications.Data;
using Sandbox.Notifications.People;
using Sandbox.Notifications.Sandbox;
using Sandbox.Notifications.Sending;
using Sandbox.Notifications.Templates;
using Sandbox.Security;

namespace Sandbox.Notifications.Hosting;

/// <summary>Registers everything the notifications service needs; the people directory and sender can be replaced.</summary>
public static class NotificationsServices
{
    /// <summary>The connection string name for PostgreSQL.</summary>
    public const string ConnectionName = "notifications";

    public static WebApplicationBuilder AddNotificationsServices(this WebApplicationBuilder builder)
    {
        var options = ReadOptions(builder);
        var services = builder.Services;
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        AddDatabase(services, options, builder.Configuration.GetConnectionString(ConnectionName));
        services.AddSingleton(options.Database.Equals("sqlite", StringComparison.OrdinalIgnoreCase)
            ? SqliteWriteGate.ForSqlite(SqliteConnectionString(options, builder.Configuration.GetConnectionString(ConnectionName)))
            : SqliteWriteGate.None);
        services.AddHostedService<DatabaseInitializer>();

        services.AddSingleton<Telemetry>();
        services.AddSingleton<LiquidTemplates>();
        services.AddSingleton<TemplateCache>();
        services.AddSingleton<MessageRenderer>();
        services.AddScoped<TemplateStore>();
        services.AddScoped<NotificationIntake>();
        services.AddSingleton<QueueSignal>();
        services.AddSingleton<QueueInserts>();
        services.AddSingleton<RateLimits>();
        services.AddSingleton<MessagePreparer>();
        services.TryAddSingleton<IPeopleDirectory, DaprPeopleDirectory>();
        services.TryAddSingleton<IMessageSender, DaprBindingSender>();
        services.AddHostedService<QueueWorker>();
        services.AddSingleton<SinkMessageStore>();
        services.AddHostedService<SmtpSink>();

        builder.AddSandboxAuthentication(ConnectionName);
        builder.AddDaprAppToken();
        services.AddNotificationsPolicies();
        return builder;
    }

    private static NotificationsOptions ReadOptions(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(NotificationsOptions.Section).Get<NotificationsOptions>() ?? new();
        var data = builder.Configuration["SANDBOX_DATA"];
        options.DataPath = Path.GetFullPath(string.IsNullOrWhiteSpace(data)
            ? Path.Combine(builder.Environment.ContentRootPath, ".sandbox-data", "notifications")
            : data);
        return options;
    }

    // One context type per provider, each with its own migrations; the services inject NotificationsDb.
    private static void AddDatabase(IServiceCollection services, NotificationsOptions options, string? connectionString)
    {
        if (options.Database.ToLowerInvariant() is "postgres" or "postgresql")
            services.AddDbContext<NotificationsDb, PostgresNotificationsDb>(db => UseDatabase(db, options, connectionString));
        else
            services.AddDbContext<NotificationsDb, SqliteNotificationsDb>(db => UseDatabase(db, options, connectionString));
    }

    private static void UseDatabase(DbContextOptionsBuilder db, NotificationsOptions options, string? connectionString)
    {
        // A request whose idempotency key is taken fails its insert by design; callers handle or report every failure.
        db.ConfigureWarnings(w => w.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug)));
        switch (options.Database.ToLowerInvariant())
        {
            case "postgres" or "postgresql":
                db.UseNpgsql(connectionString ?? throw new InvalidOperationException(
                    "Sandbox:Notifications:Database is postgres but ConnectionStrings:notifications is not set."));
                break;
            case "sqlite":
                Directory.CreateDirectory(options.DataPath);
                db.UseSqlite(SqliteConnectionString(options, connectionString))
                    .AddInterceptors(new SqliteConnectionSetup(new SqliteConnectionOptions { Synchronous = SqliteSynchronous.Normal }));
                break;
            default:
                throw new InvalidOperationException($"Unknown Sandbox:Notifications:Database '{options.Database}': use sqlite or postgres.");
        }
    }

    private static string SqliteConnectionString(NotificationsOptions options, string? connectionString) =>
        connectionString ?? $"Data Source={Path.Combine(options.DataPath, "notifications.db")};Default Timeout=30";
}
