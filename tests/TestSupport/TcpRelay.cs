using System.Net;
using System.Net.Sockets;

namespace DreamOmni2.TestSupport;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a server, so a test can cut every open connection at once, as a network
/// that drops would, while the server and the client both keep running.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stopped = new();
    private readonly Task _accepting;

    public TcpRelay(Uri target)
    {
        _target = target;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    /// <summary>How many connections have been cut so far.</summary>
    public int Cuts { get; private set; }

    /// <summary>How many connections have been relayed so far.</summary>
    public int Accepted { get; private set; }

    /// <summary>Closes every connection through the relay; new ones are still relayed.</summary>
    public void CutAll()
    {
        lock (_open)
        {
            foreach (var socket in _open)
            {
                // A reset, not a polite close: the peer learns of it as it would of a network that went away.
                socket.Client.LingerState = new LingerOption(true, 0);
                socket.Dispose();
            }
            Cuts += _open.Count / 2;
            _open.Clear();
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stopped.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stopped.Token);
                var server = new TcpClient();
                await server.ConnectAsync(_target.Host, _target.Port, _stopped.Token);
                lock (_open)
                {
                    _open.Add(client);
                    _open.Add(server);
                    Accepted++;
                }
                _ = PumpAsync(client, server);
                _ = PumpAsync(server, client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), _stopped.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(from);
                _open.Remove(to);
            }
            from.Dispose();
            to.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopped.CancelAsync();
        _listener.Dispose();
        await _accepting;
        CutAll();
        _stopped.Dispose();
    }
}
