using System.Net;
using System.Net.Sockets;

namespace DreamOmni2.TestSupport;

/// <summary>Loopback port numbers nothing listens on, for testing what happens when an endpoint is down.</summary>
public static class ClosedPort
{
    /// <summary>A port bound once to get a free number, then released.</summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
