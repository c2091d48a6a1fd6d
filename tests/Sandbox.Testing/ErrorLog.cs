using Microsoft.Extensions.Logging;

namespace Sandbox.Testing;

/// <summary>A logger factory that keeps the messages logged at Error or above, for tests that a path logs no error.</summary>
public sealed class ErrorLog : ILoggerProvider, ILogger
{
    private readonly List<string> errors = [];

    public ErrorLog() => Factory = LoggerFactory.Create(b => b.AddProvider(this));

    public ILoggerFactory Factory { get; }

    public IReadOnlyList<string> Errors
    {
        get { lock (errors) return [.. errors]; }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        lock (errors) errors.Add($"{eventId.Name}: {formatter(state, exception)}");
    }

    public void Dispose() { }
}
