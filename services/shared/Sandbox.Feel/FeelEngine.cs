namespace Sandbox.Feel;

/// <summary>Entry point of the FEEL engine.</summary>
public static class FeelEngine;
