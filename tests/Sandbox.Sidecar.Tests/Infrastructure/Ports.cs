using System.Net;
using System.Net.Sockets;

namespace Sandbox.Sidecar.Tests.Infrastructure;

/// <summary>Free loopback ports for sidecars started by tests.</summary>
public static class Ports
{
    private static readonly HashSet<int> Handed = [];

    public static int Free()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Handed)
            {
                if (Handed.Add(port)) return port;
            }
        }
    }
}
