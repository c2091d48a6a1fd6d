using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sandbox.Forms.Tests.Infrastructure;

/// <summary>Keeps every log entry of the service at Warning and above, to assert that a run logged no errors.</summary>
public sealed class LogCollector : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

    /// <summary>The entries at Error or above, as text for an assertion message.</summary>
    public List<string> Errors() => [.. Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Level} {e.Category}: {e.Message}")];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCollector collector, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) collector.Entries.Enqueue((logLevel, category, formatter(state, exception)));
        }
    }
}
