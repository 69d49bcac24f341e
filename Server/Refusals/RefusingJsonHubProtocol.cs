using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace DreamOmni2.Server.Refusals;

/// <summary>
/// SignalR's JSON protocol, except that a call whose arguments cannot be read (a number where a submission belongs, a
/// word where steps belong, too few or too many arguments) is refused with what was wrong and where. SignalR passes a
/// <see cref="HubException"/>'s message on to the caller; any other binding failure reaches it only as "Failed to
/// invoke … due to an error on the server", which nobody can act on.
/// </summary>
public sealed class RefusingJsonHubProtocol(IOptions<JsonHubProtocolOptions> options, ILogger<HubRefusals> logger) : IHubProtocol
{
    private readonly JsonHubProtocol _json = new(options);

    public string Name => _json.Name;

    public int Version => _json.Version;

    public TransferFormat TransferFormat => _json.TransferFormat;

    public bool IsVersionSupported(int version) => _json.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!_json.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }
        message = message switch
        {
            InvocationBindingFailureMessage failure => new InvocationBindingFailureMessage(
                failure.InvocationId, failure.Target, ExceptionDispatchInfo.Capture(Refused(failure.Target, failure.BindingFailure.SourceException))),
            StreamBindingFailureMessage failure => new StreamBindingFailureMessage(
                failure.Id, ExceptionDispatchInfo.Capture(Refused("a stream", failure.BindingFailure.SourceException))),
            _ => message,
        };
        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _json.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _json.GetMessageBytes(message);

    private HubException Refused(string method, Exception failure)
    {
        string reason = $"the arguments of {method} could not be read: {Detail(failure)}";
        logger.LogInformation("Refused {Method}: {Reason}", method, reason);
        return new HubException(reason);
    }

    /// <summary>What was wrong, in the caller's terms: the JSON path of a value of the wrong type, or the argument count.</summary>
    private static string Detail(Exception failure)
    {
        for (var inner = failure; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { Path: { } path })
            {
                // Each argument is read on its own: "$" is a whole argument, "$.request.steps" a value inside one.
                return path == "$" ? "an argument is not of the type the method takes" : $"the value at {path} is not of the type the method takes there";
            }
        }
        var innermost = failure;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }
        return innermost.Message.Contains("argument(s)", StringComparison.Ordinal)
            ? innermost.Message.TrimEnd('.').Replace("Invocation provides", "the call gives", StringComparison.Ordinal).Replace("target expects", "the method takes", StringComparison.Ordinal)
            : "they do not match the method's parameters";
    }
}
