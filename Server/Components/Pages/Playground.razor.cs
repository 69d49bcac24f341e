using DreamOmni2.Components.Ablation;
using DreamOmni2.Components.Encoding;
using DreamOmni2.Components.Preview;
using DreamOmni2.Components.Prompt;
using DreamOmni2.Components.Reflection;
using DreamOmni2.Components.Rendering;
using DreamOmni2.Components.Tray;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Latents;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Translation.Reflection;
using DreamOmni2.Engine;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Refusals;
using DreamOmni2.Server.Uploads;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>
/// The editing page. Jobs run in <see cref="JobService"/>, not here: this page only submits and watches, so a reload
/// or a new circuit at /jobs/{id} or /ablations/{group} picks a job up where it is.
/// </summary>
public sealed partial class Playground
{
    private static readonly TimeSpan s_renderInterval = TimeSpan.FromMilliseconds(100);

    private EditorForm _form = null!;
    private JobSnapshot? _job;
    private readonly Dictionary<string, JobSnapshot> _ablation = [];
    private IReadOnlyList<JobRecord> _chain = [];
    private readonly Dictionary<RequestField, string> _errors = [];
    private Dictionary<int, string> _imageErrors = [];
    private CancellationTokenSource _watching = new();
    private RenderThrottle _throttle = null!;
    private DotNetObjectReference<Playground>? _self;
    private LivePreview? _preview;
    private AblationGrid? _grid;
    private string _owner = "";
    private string? _shownJob;
    private string? _shownAblation;
    private bool _uploading;
    private bool _translating;
    private bool _notFound;

    [Inject] private JobService Jobs { get; set; } = null!;
    [Inject] private PlaygroundEngine Engine { get; set; } = null!;
    [Inject] private UploadService Uploads { get; set; } = null!;
    [Inject] private PromptTranslator Translator { get; set; } = null!;
    [Inject] private ResultChecker Checker { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Parameter] public string? JobId { get; set; }

    [Parameter] public string? AblationId { get; set; }

    /// <summary>A job whose settings to load into the form (from the history page).</summary>
    [SupplyParameterFromQuery] public string? Recall { get; set; }

    private IReadOnlyList<GridSize> ReferenceGrids => _form.Images.Select(i => PackGrids.Reference(Engine.Rules, i.Width, i.Height)).ToList();

    private GridSize TargetGrid => PackGrids.Target(Engine.Rules, _form.Mode, _form.Images.Select(i => (i.Width, i.Height)).ToList());

    private string OutputAspect => $"{TargetGrid.Width} / {TargetGrid.Height}";

    private long? LastSeed => (long?)(_job?.Record.Spec.Settings.Seed ?? _ablation.Values.FirstOrDefault()?.Record.Spec.Settings.Seed);

    private JobSnapshot? RunningJob => Watched.FirstOrDefault(s => s.State == JobState.Running);

    private JobSnapshot? QueuedJob => Watched.FirstOrDefault(s => s.State == JobState.Queued);

    private IEnumerable<JobSnapshot> Watched => _job is { } job ? [job] : _ablation.Values;

    private IReadOnlyList<AblationCell> AblationCells => _ablation.Values
        .Select(s => new AblationCell(s.Record.Spec.Settings.Scheme, JobTexts.Status(s), s.Step, s.Steps,
            s.State == JobState.Completed ? JobUrls.Result(s.Id) : null))
        .ToList();

    private string AblationStatus => _ablation.Count == 0
        ? "Loading…"
        : $"{_ablation.Values.Count(s => s.State == JobState.Completed)} of {_ablation.Count} schemes done";

    protected override async Task OnInitializedAsync()
    {
        _owner = OwnerId.Of((await Authentication).User);
        _form = EditorForm.Defaults(Engine.Rules);
        _throttle = new RenderThrottle(s_renderInterval, () => InvokeAsync(StateHasChanged), Clock);
    }

    protected override void OnParametersSet()
    {
        if (Recall is not null && JobId is null && AblationId is null && Jobs.Find(_owner, Recall) is { } recalled)
        {
            _form = EditorForm.From(recalled, asRun: true);
            Recall = null;
        }
        if (JobId != _shownJob || AblationId != _shownAblation)
        {
            _shownJob = JobId;
            _shownAblation = AblationId;
            Attach();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            await JS.InvokeVoidAsync("playground.onCtrlEnter", _self);
        }
    }

    [JSInvokable]
    public Task RunFromShortcut() => InvokeAsync(Run);

    private void Attach()
    {
        _watching.Cancel();
        _watching.Dispose();
        _watching = new CancellationTokenSource();
        _job = null;
        _ablation.Clear();
        _chain = [];
        _notFound = false;
        if (JobId is { } id)
        {
            if (Jobs.Find(_owner, id) is not { } record)
            {
                _notFound = true;
                return;
            }
            _form = EditorForm.From(record, asRun: false);
            ShowJobErrors(record);
            LoadChain(record);
            _ = WatchAsync(id, _watching.Token);
        }
        else if (AblationId is { } group)
        {
            var members = Jobs.Ablation(_owner, group);
            if (members.Count == 0)
            {
                _notFound = true;
                return;
            }
            var trained = Engine.Rules.TrainedScheme;
            _form = EditorForm.From(members.FirstOrDefault(m => m.Spec.Settings.Scheme == trained) ?? members[0], asRun: false);
            foreach (var member in members)
            {
                _ = WatchAsync(member.Id, _watching.Token);
            }
        }
    }

    private async Task WatchAsync(string id, CancellationToken ct)
    {
        int shownStep = -1;
        bool sawItUnfinished = false;
        try
        {
            await foreach (var snapshot in Jobs.WatchAsync(_owner, id, ct))
            {
                await InvokeAsync(async () =>
                {
                    Store(snapshot);
                    if (snapshot.Preview is { } preview && preview.Step != shownStep && snapshot.State == JobState.Running)
                    {
                        shownStep = preview.Step;
                        await ShowPreviewAsync(snapshot, preview);
                    }
                    if (snapshot.State.IsFinished())
                    {
                        Finished(snapshot);
                        StateHasChanged();
                        FollowNextRound(snapshot, sawItUnfinished);
                    }
                    else
                    {
                        sawItUnfinished = true;
                        _throttle.Request();
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private void Store(JobSnapshot snapshot)
    {
        if (AblationId is not null)
        {
            _ablation[snapshot.Id] = snapshot;
        }
        else
        {
            _job = snapshot;
        }
    }

    private ValueTask ShowPreviewAsync(JobSnapshot snapshot, PreviewStamp preview)
    {
        string url = JobUrls.Preview(snapshot.Id, preview.Step);
        if (AblationId is not null)
        {
            return _grid?.ShowPreviewAsync(snapshot.Record.Spec.Settings.Scheme, url, preview.Step, preview.StepEndedUnixMilliseconds) ?? ValueTask.CompletedTask;
        }
        return _preview?.ShowAsync(url, preview.Step, preview.StepEndedUnixMilliseconds) ?? ValueTask.CompletedTask;
    }

    private void Finished(JobSnapshot snapshot)
    {
        var outcome = snapshot.Record.Outcome;
        if (AblationId is null && outcome.Prompt is not null)
        {
            _form.Prompt = outcome.Prompt;
            _form.Translation = outcome.Translator is { } translator
                ? new PromptTranslationInfo(translator, outcome.TranslationMilliseconds ?? 0, outcome.TranslationWarnings, outcome.TranslationFellBack)
                : _form.Translation;
        }
        ShowJobErrors(snapshot.Record);
        if (AblationId is null)
        {
            LoadChain(snapshot.Record);
        }
    }

    private void LoadChain(JobRecord record) =>
        _chain = record.Spec.Reflection is { } reflection ? Jobs.Chain(_owner, reflection.Chain) : [];

    /// <summary>A round watched to its end that queued another: the page moves on to it, so the chain plays out live.</summary>
    private void FollowNextRound(JobSnapshot finished, bool watchedLive)
    {
        if (watchedLive && AblationId is null && finished.Record.Outcome.Check?.NextJobId is { } next)
        {
            Navigation.NavigateTo(JobUrls.Page(next));
        }
    }

    /// <summary>How a round the VLM refused is retried on this pack (see <see cref="ReflectionLoop.Next"/>).</summary>
    private string RetryWith => ReflectionLoop.TakesCritique(Engine.Pack.Manifest.Prompt.Style)
        ? "with its critique"
        : "with another seed (this model reads only its prompt grammar, not a critique)";

    private List<ReflectionRoundView> ChainRounds(JobSnapshot shown) => _chain
        .Select(r => r.Id == shown.Id ? shown.Record : r)
        .Select(r => new ReflectionRoundView(
            r.Spec.Reflection?.Round ?? 0,
            r.Outcome.Prompt ?? r.Spec.Settings.LockedPrompt ?? "",
            JobTexts.RoundStatus(r),
            r.Outcome.Check?.Verdict,
            r.Outcome.Check?.Critique ?? "",
            r.Outcome.Check?.Warning,
            r.Outcome.Check?.Note,
            r.Outcome.ResultThumbnailHash is { } thumbnail ? JobUrls.File(thumbnail) : null,
            JobUrls.Page(r.Id),
            r.Id == shown.Id))
        .ToList();

    private void Run()
    {
        ClearErrors();
        try
        {
            var record = Jobs.Submit(_owner, _form.ToSubmission());
            Navigation.NavigateTo(JobUrls.Page(record.Id));
        }
        catch (InvalidRequestException e)
        {
            ShowError(e.Error);
        }
        catch (RefusalException e)
        {
            ShowError(new RequestError(RequestField.General, e.Message));
        }
    }

    private async Task RunAblationAsync()
    {
        ClearErrors();
        try
        {
            var records = await Jobs.SubmitAblationAsync(_owner, _form.ToSubmission(), CancellationToken.None);
            Navigation.NavigateTo(JobUrls.Ablation(records[0].Spec.AblationGroup!));
        }
        catch (InvalidRequestException e)
        {
            ShowError(e.Error);
        }
        catch (RefusalException e)
        {
            ShowError(new RequestError(RequestField.General, e.Message));
        }
    }

    private void Cancel(JobSnapshot job) => Jobs.Cancel(_owner, job.Id);

    private void Remove(JobSnapshot job) => Jobs.Remove(_owner, job.Id);

    private void Reuse(JobRecord record)
    {
        _form = EditorForm.From(record, asRun: true);
        ClearErrors();
    }

    private async Task TranslateAsync()
    {
        _translating = true;
        try
        {
            var translation = await Translator.TranslateAsync(_form.Mode, _form.Images.Select(i => i.Key).ToList(), _form.Instruction, CancellationToken.None);
            _form.Prompt = translation.Prompt;
            _form.Translation = new PromptTranslationInfo(translation.TranslatorName, translation.Elapsed.TotalMilliseconds, translation.Warnings, translation.FellBack);
        }
        finally
        {
            _translating = false;
        }
    }

    private async Task AddFilesAsync(IReadOnlyList<IBrowserFile> files)
    {
        _uploading = true;
        _errors.Remove(RequestField.Images);
        try
        {
            foreach (var file in files)
            {
                try
                {
                    _form.Add(await Uploads.AcceptAsync(_owner, file, _form.Images.Count + 1, CancellationToken.None));
                }
                catch (ImageInputException e)
                {
                    _errors[RequestField.Images] = $"{file.Name}: {e.Message}";
                }
                catch (RefusalException e)
                {
                    _errors[RequestField.Images] = e.Message;
                }
            }
        }
        finally
        {
            _uploading = false;
        }
    }

    private void RemoveImage(int index)
    {
        _form.Images.RemoveAt(index);
        _imageErrors = [];
    }

    private void MoveImage(TrayMove move)
    {
        move.Apply(_form.Images);
        _imageErrors = [];
    }

    private void ModeChanged(GenerationMode mode)
    {
        _form.Mode = mode;
        _errors.Remove(RequestField.Mode);
    }

    private string? ErrorFor(RequestField field) => _errors.GetValueOrDefault(field);

    private void ClearErrors()
    {
        _errors.Clear();
        _imageErrors = [];
    }

    private void ShowError(RequestError error)
    {
        if (error is { Field: RequestField.Images, ImageNumber: int number })
        {
            _imageErrors = new Dictionary<int, string> { [number] = error.Message };
        }
        else
        {
            _errors[error.Field] = error.Message;
        }
    }

    private void ShowJobErrors(JobRecord record)
    {
        if (record.Outcome.Error is { } error)
        {
            ShowError(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _watching.Cancel();
        _watching.Dispose();
        _throttle?.Dispose();
        if (_self is not null)
        {
            try
            {
                await JS.InvokeVoidAsync("playground.offCtrlEnter");
            }
            catch (JSDisconnectedException)
            {
            }
            _self.Dispose();
        }
    }
}
