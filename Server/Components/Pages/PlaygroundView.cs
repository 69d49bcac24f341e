using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Jobs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>
/// What every playground view has: the signed-in owner, the circuit's editor draft, and the output's shape. Jobs run
/// in <see cref="JobService"/>, not in a view: views only submit and watch, so a reload or a new circuit at a job's
/// address picks the job up where it is.
/// </summary>
public abstract class PlaygroundView : ComponentBase
{
    [Inject] protected JobService Jobs { get; set; } = null!;
    [Inject] protected PlaygroundEngine Engine { get; set; } = null!;
    [Inject] protected EditorDraft Draft { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    protected string Owner { get; private set; } = "";

    protected string OutputAspect => Draft.Form.OutputAspect(Engine.Rules);

    protected override async Task OnInitializedAsync() => Owner = OwnerId.Of((await Authentication).User);
}
