using DreamOmni2.Components.Tests.Support;
using DreamOmni2.Components.Tray;
using DreamOmni2.Contracts;
using Microsoft.AspNetCore.Components.Forms;

namespace DreamOmni2.Components.Tests.Tray;

public sealed class ReferenceTrayTests : MudContext
{
    private static List<TrayImage> Images(int count) =>
        Enumerable.Range(1, count).Select(i => new TrayImage($"hash{i}", $"image{i}.png", $"/files/thumb{i}", 64, 64)).ToList();

    [Fact]
    public void Explains_the_limits_before_any_image_is_added()
    {
        var tray = Render<ReferenceTray>(p => p.Add(t => t.Images, []).Add(t => t.MaxImages, 3).Add(t => t.MaxFileBytes, 20L * 1024 * 1024));

        Assert.Contains("Up to 3 images", tray.Find("[data-testid=tray-limits]").TextContent);
        Assert.Contains("20 MB", tray.Find("[data-testid=tray-limits]").TextContent);
        Assert.Equal(3, tray.FindAll(".tray-slot").Count);
        Assert.Single(tray.FindAll("[data-testid=tray-add]"));
    }

    [Fact]
    public void A_full_tray_offers_no_add_slot_and_says_why()
    {
        var tray = Render<ReferenceTray>(p => p.Add(t => t.Images, Images(3)).Add(t => t.MaxImages, 3));

        Assert.Empty(tray.FindAll("[data-testid=tray-add]"));
        Assert.Contains("this pack takes 3 images", tray.Find("[data-testid=tray-full]").TextContent);
    }

    [Fact]
    public void Takes_only_the_files_that_fit_and_says_how_many_were_left_out()
    {
        IReadOnlyList<IBrowserFile>? added = null;
        var tray = Render<ReferenceTray>(p => p
            .Add(t => t.Images, Images(3))
            .Add(t => t.MaxImages, 4)
            .Add(t => t.OnFilesAdded, files => added = files));

        tray.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary([1], "a.png"),
            InputFileContent.CreateFromBinary([2], "b.png"),
            InputFileContent.CreateFromBinary([3], "c.png"));

        Assert.Equal(["a.png"], added!.Select(f => f.Name));
        Assert.Contains("only 1 more fit", tray.Find("[data-testid=tray-error]").TextContent);
    }

    [Fact]
    public void Marks_image_1_as_the_source_in_edit_mode_only()
    {
        var edit = Render<ReferenceTray>(p => p.Add(t => t.Images, Images(2)).Add(t => t.Mode, GenerationMode.Edit));
        var generate = Render<ReferenceTray>(p => p.Add(t => t.Images, Images(2)).Add(t => t.Mode, GenerationMode.Generate));

        var badge = Assert.Single(edit.FindAll("[data-testid=source-badge]"));
        Assert.Equal("hash1", badge.Closest("[data-testid=tray-slot]")!.GetAttribute("data-key"));
        Assert.Empty(generate.FindAll("[data-testid=source-badge]"));
    }

    [Fact]
    public void Shows_slots_in_order_and_asks_to_move_or_remove_the_one_clicked()
    {
        var moves = new List<TrayMove>();
        var removed = new List<int>();
        var tray = Render<ReferenceTray>(p => p
            .Add(t => t.Images, Images(3))
            .Add(t => t.OnMove, move => moves.Add(move))
            .Add(t => t.OnRemove, index => removed.Add(index)));

        Assert.Equal(["hash1", "hash2", "hash3"], tray.FindAll("[data-testid=tray-slot]").Select(s => s.GetAttribute("data-key")));
        tray.FindAll("[data-testid=move-right]")[0].Click();
        tray.FindAll("[data-testid=move-left]")[2].Click();
        tray.FindAll("[data-testid=remove]")[1].Click();

        Assert.Equal([new TrayMove(0, 1), new TrayMove(2, 1)], moves);
        Assert.Equal([1], removed);
    }

    [Fact]
    public void A_move_reorders_the_images_between()
    {
        var images = Images(4);

        new TrayMove(3, 0).Apply(images);

        Assert.Equal(["hash4", "hash1", "hash2", "hash3"], images.Select(i => i.Key));
    }

    [Fact]
    public void Shows_an_images_error_on_its_slot()
    {
        var tray = Render<ReferenceTray>(p => p
            .Add(t => t.Images, Images(2))
            .Add(t => t.SlotErrors, new Dictionary<int, string> { [2] = "image 2 is cut short or damaged" }));

        var error = tray.Find("[data-testid=slot-error]");
        Assert.Equal("image 2 is cut short or damaged", error.TextContent);
        Assert.Equal("hash2", error.Closest("[data-testid=tray-slot]")!.GetAttribute("data-key"));
    }
}
