namespace Sandbox.Workflow.Apis;

/// <summary>Reads uploaded request bodies (BPMN files, e-service packages) with a size limit.</summary>
internal static class RequestBodies
{
    /// <summary>The body's bytes, or null when it passes <paramref name="limit"/>: reading stops early.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) return null;
        }
        return buffer.ToArray();
    }
}
