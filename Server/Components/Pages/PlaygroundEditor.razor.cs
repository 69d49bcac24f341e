using DreamOmni2.Components.Prompt;
using DreamOmni2.Components.Recall;
using DreamOmni2.Components.Tray;
using DreamOmni2.Contracts;
using DreamOmni2.Engine.Imaging;
using DreamOmni2.Engine.Output;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Requests;
using DreamOmni2.Engine;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Hosting;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Refusals;
using DreamOmni2.Server.Uploads;
using DreamOmni2.Translation.Reflection;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DreamOmni2.Server.Components.Pages;

/// <summary>
/// The editor every playground view shows: the form (tray, mode, instruction, prompt, switches, sampling settings)
/// and the run bar, which submits it and moves to the job's view. What the view shows of its job goes below the run bar.
/// </summary>
public sealed partial class PlaygroundEditor
{
    private DotNetObjectReference<PlaygroundEditor>? _self;
    private int? _shortcut;
    private bool _uploading;
    private bool _translating;
    private (SettingsOfferText Text, RecalledSettings Settings)? _offer;

    /// <summary>Whether the ablation grid, rather than a single run, was stopped by the translator's problems.</summary>
    private bool _ablationRefused;

    [Inject] private JobService Jobs { get; set; } = null!;
    [Inject] private PlaygroundEngine Engine { get; set; } = null!;
    [Inject] private UploadService Uploads { get; set; } = null!;
    [Inject] private UploadedSettings UploadedSettings { get; set; } = null!;
    [Inject] private PromptTranslator Translator { get; set; } = null!;
    [Inject] private ResultChecker Checker { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

    [Parameter, EditorRequired] public string Owner { get; set; } = "";

    [Parameter, EditorRequired] public EditorForm Form { get; set; } = null!;

    [Parameter, EditorRequired] public FormErrors Errors { get; set; } = null!;

    /// <summary>The seed of the job shown, offered for reuse.</summary>
    [Parameter] public long? LastSeed { get; set; }

    /// <summary>The jobs shown: a running one can be cancelled, a queued one removed.</summary>
    [Parameter] public IReadOnlyList<JobSnapshot> Watched { get; set; } = [];

    /// <summary>What the view shows of its job, below the run bar.</summary>
    [Parameter] public RenderFragment? ChildContent { get; set; }

    /// <summary>How a round the VLM refused is retried on this pack (see <see cref="ReflectionLoop.Next"/>).</summary>
    private string RetryWith => ReflectionLoop.TakesCritique(Engine.Pack.Manifest.Prompt.Style)
        ? "with its critique"
        : "with another seed (this model reads only its prompt grammar, not a critique)";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _shortcut = await JS.InvokeAsync<int>("playground.onCtrlEnter", _self);
        }
    }

    [JSInvokable]
    public Task RunFromShortcut() => InvokeAsync(Run);

    private void Run() => Submit(runAsWritten: false);

    private Task RunAblationAsync() => SubmitAblationAsync(runAsWritten: false);

    /// <summary>The request the translator stopped, again, run as written: the grid if the grid was refused.</summary>
    private Task RunAsWrittenAsync()
    {
        if (_ablationRefused)
        {
            return SubmitAblationAsync(runAsWritten: true);
        }
        Submit(runAsWritten: true);
        return Task.CompletedTask;
    }

    private void Submit(bool runAsWritten)
    {
        Errors.Clear();
        _ablationRefused = false;
        try
        {
            var record = Jobs.Submit(Owner, Form.ToSubmission(runAsWritten));
            Navigation.NavigateTo(JobUrls.Page(record.Id));
        }
        catch (InvalidRequestException e)
        {
            Errors.Refuse(e.Error);
        }
        catch (RefusalException e)
        {
            Errors.Show(new RequestError(RequestField.General, e.Message));
        }
    }

    private async Task SubmitAblationAsync(bool runAsWritten)
    {
        Errors.Clear();
        _ablationRefused = false;
        try
        {
            var records = await Jobs.SubmitAblationAsync(Owner, Form.ToSubmission(runAsWritten), CancellationToken.None);
            Navigation.NavigateTo(JobUrls.Ablation(records[0].Spec.AblationGroup!));
        }
        catch (InvalidRequestException e)
        {
            Errors.Refuse(e.Error);
            _ablationRefused = e.Error.Field == RequestField.Translation;
        }
        catch (RefusalException e)
        {
            Errors.Show(new RequestError(RequestField.General, e.Message));
        }
    }

    private Task ExampleTaken(PackExample example)
    {
        Errors.Clear();
        return example.Ablation ? RunAblationAsync() : Task.CompletedTask;
    }

    private async Task TranslateAsync()
    {
        _translating = true;
        try
        {
            var translation = await Translator.TranslateAsync(Form.Mode, Form.Images.Select(i => i.Key).ToList(), Form.Instruction, CancellationToken.None);
            Form.Prompt = translation.Prompt;
            Form.Translation = translation.Info;
        }
        finally
        {
            _translating = false;
        }
    }

    private async Task AddFilesAsync(IReadOnlyList<IBrowserFile> files)
    {
        _uploading = true;
        Errors.Clear(RequestField.Images);
        try
        {
            foreach (var file in files)
            {
                try
                {
                    var uploaded = await Uploads.AcceptAsync(Owner, file, Form.Images.Count + 1, CancellationToken.None);
                    Form.Add(uploaded);
                    if (UploadedSettings.Read(Owner, uploaded.Hash) is { } settings)
                    {
                        _offer = (SettingsOffers.Describe(uploaded.Name, settings), settings);
                    }
                }
                catch (ImageInputException e)
                {
                    Errors.Set(RequestField.Images, $"{file.Name}: {e.Message}");
                }
                catch (RefusalException e)
                {
                    Errors.Set(RequestField.Images, e.Message);
                }
            }
        }
        finally
        {
            _uploading = false;
        }
    }

    private void RecallOffered(RecalledSettings settings)
    {
        Form.Recall(settings, Engine.Rules);
        Errors.Clear();
        _offer = null;
    }

    private void RemoveImage(int index)
    {
        Form.Images.RemoveAt(index);
        Errors.ClearSlots();
    }

    private void MoveImage(TrayMove move)
    {
        move.Apply(Form.Images);
        Errors.ClearSlots();
    }

    /// <summary>A new instruction is translated afresh, so what the translator said of the old one no longer stands.</summary>
    private void InstructionChanged(string instruction)
    {
        Form.Instruction = instruction;
        Errors.Clear(RequestField.Instruction);
        Errors.Clear(RequestField.Translation);
    }

    /// <summary>A changed value is checked afresh at the next Run; until then the refusal of the old one no longer stands.</summary>
    private void Changed(RequestField field, Action apply)
    {
        apply();
        Errors.Clear(field);
    }

    private void ModeChanged(GenerationMode mode)
    {
        Form.Mode = mode;
        Errors.Clear(RequestField.Mode);
    }

    public async ValueTask DisposeAsync()
    {
        if (_self is not null)
        {
            try
            {
                if (_shortcut is int shortcut)
                {
                    await JS.InvokeVoidAsync("playground.offCtrlEnter", shortcut);
                }
            }
            catch (JSDisconnectedException)
            {
            }
            _self.Dispose();
        }
    }
}
