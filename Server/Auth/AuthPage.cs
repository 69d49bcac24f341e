namespace DreamOmni2.Server.Auth;

/// <summary>
/// The plain HTML page around the forms a person sees before they are signed in (sign-in, invitations): no circuit
/// and no script, so they work with nothing but a form post.
/// </summary>
public static class AuthPage
{
    public static string Render(string title, string card) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{title}} · DreamOmni2 Playground</title>
        <meta name="viewport" content="width=device-width, initial-scale=1.0">
        <link rel="icon" href="/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/css/playground.css"></head>
        <body class="signin">
        {{card}}
        </body></html>
        """;

    public static string Error(string message) => $"<p class=\"signin-error\">{System.Net.WebUtility.HtmlEncode(message)}</p>";
}
