namespace Sandbox.Portal;

/// <summary>Anchor type for the portal's shared texts in Resources/SharedResource.*.resx.</summary>
public sealed class SharedResource;
