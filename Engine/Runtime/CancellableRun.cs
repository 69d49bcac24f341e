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
        CancellationToken cancellationToken) =>
        Guarded(options, cancellationToken, (session, options, inputNames, inputs, outputNames, outputs), static s =>
        {
            s.session.Run(s.options, s.inputNames, s.inputs, s.outputNames, s.outputs);
            return true;
        });

    public static IDisposableReadOnlyCollection<OrtValue> Run(
        InferenceSession session,
        RunOptions options,
        IReadOnlyCollection<string> inputNames,
        IReadOnlyCollection<OrtValue> inputs,
        IReadOnlyCollection<string> outputNames,
        CancellationToken cancellationToken) =>
        Guarded(options, cancellationToken, (session, options, inputNames, inputs, outputNames),
            static s => s.session.Run(s.options, s.inputNames, s.inputs, s.outputNames));

    // The state travels as a value tuple into a static lambda, so the per-step path allocates no closure.
    private static TResult Guarded<TState, TResult>(
        RunOptions options, CancellationToken cancellationToken, TState state, Func<TState, TResult> run)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Reset first: a cancellation that lands from here on sets it again, even synchronously inside Register.
        options.Terminate = false;
        using var _ = cancellationToken.Register(static o => ((RunOptions)o!).Terminate = true, options);
        try
        {
            return run(state);
        }
        catch (OnnxRuntimeException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the run was cancelled", e, cancellationToken);
        }
    }
}
