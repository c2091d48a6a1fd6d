using System.Collections.Concurrent;
using Sandbox.Notifications.People;

namespace Sandbox.Notifications.Tests.Infrastructure;

/// <summary>Stands in for identity's <c>internal/people/{subject}</c>: the people a test adds, nobody else.</summary>
public sealed class FakePeople : IPeopleDirectory
{
    private readonly ConcurrentDictionary<string, Person> _people = new();

    public Person Add(string tenant, string language, string? email = null, string? phone = null)
    {
        var subject = "p-" + Guid.NewGuid().ToString("n")[..10];
        var person = new Person(subject, tenant, "Test", "Person", email ?? $"{subject}@example.test", phone, language);
        _people[subject] = person;
        return person;
    }

    public Task<Person?> FindAsync(string subject, CancellationToken ct) => Task.FromResult(_people.GetValueOrDefault(subject));
}
