namespace Sandbox.Forms.Validation;

/// <summary>A form-js schema the sandbox cannot use; the message names the component at fault.</summary>
public sealed class FormSchemaException(string message, Exception? inner = null) : Exception(message, inner);
