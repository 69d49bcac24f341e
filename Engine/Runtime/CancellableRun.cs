using Microsoft.ML.OnnxRuntime;

namespace DreamOmni2.Engine.Runtime;

/// <summary>Runs a session so that cancelling the token terminates the run in flight (<see cref="RunOptions.Terminate"/>).</summary>
internal static class CancellableRun
{
    public static void Run(
        InferenceSession session,
        RunOptions options,
        IReadOnlyCollection<string> inputNames,
        IReadOnlyCollection<OrtValue> inputs,
        IReadOnlyCollection<string> outputNames,
        IReadOnlyCollection<OrtValue> outputs,
        CancellationToken cancellationToken)
    {
        using var _ = Arm(options, cancellationToken);
        try
        {
            session.Run(options, inputNames, inputs, outputNames, outputs);
        }
        catch (OnnxRuntimeException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the run was cancelled", e, cancellationToken);
        }
    }

    public static IDisposableReadOnlyCollection<OrtValue> Run(
        InferenceSession session,
        RunOptions options,
        IReadOnlyCollection<string> inputNames,
        IReadOnlyCollection<OrtValue> inputs,
        IReadOnlyCollection<string> outputNames,
        CancellationToken cancellationToken)
    {
        using var _ = Arm(options, cancellationToken);
        try
        {
            return session.Run(options, inputNames, inputs, outputNames);
        }
        catch (OnnxRuntimeException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the run was cancelled", e, cancellationToken);
        }
    }

    private static CancellationTokenRegistration Arm(RunOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Reset first: a cancellation that lands from here on sets it again, even synchronously inside Register.
        options.Terminate = false;
        return cancellationToken.Register(static o => ((RunOptions)o!).Terminate = true, options);
    }
}
