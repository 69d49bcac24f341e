namespace DreamOmni2.Engine.Tests;

/// <summary>Paths of the fixture files under TestData/, copied next to the test assembly.</summary>
internal static class TestData
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);
}
