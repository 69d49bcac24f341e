namespace DreamOmni2.Server.Api;

/// <summary>The URLs of a job's page and images, in one place for the endpoints, the hub and the pages.</summary>
public static class JobUrls
{
    public static string Page(string id) => $"/jobs/{id}";

    public static string Ablation(string group) => $"/ablations/{group}";

    public static string Preview(string id, int step) => $"/jobs/{id}/preview.jpg?step={step}";

    public static string Result(string id) => $"/jobs/{id}/result.png";

    public static string File(string hash) => $"/files/{hash}";
}
