// Each test starts a real server with its own ONNX sessions; on a small machine they are steadier one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
