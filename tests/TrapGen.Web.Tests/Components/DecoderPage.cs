using System.Linq;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TrapGen.Web.Components;

namespace TrapGen.Web.Tests.Components;

/// <summary>Renders the decoder page in bUnit and reads what it shows.</summary>
internal static class DecoderPage
{
    /// <summary>Renders the page with the URL fragment <paramref name="fragment"/> (<c>#esr=0x96000050</c>), or none.</summary>
    public static IRenderedComponent<Decoder> Open(BunitContext context, string? fragment = null)
    {
        if (fragment is not null)
        {
            context.Services.GetRequiredService<NavigationManager>().NavigateTo(fragment);
        }

        return context.Render<Decoder>();
    }

    /// <summary>Types <paramref name="text"/> into the box, chooses <paramref name="kind"/> and submits.</summary>
    public static void Paste(IRenderedComponent<Decoder> page, string text, string kind = "Auto")
    {
        page.Find("#query").Change(text);
        page.Find("#kind").Change(kind);
        page.Find("form").Submit();
    }

    /// <summary>The value cell of the ESR field table's row for <paramref name="field"/>.</summary>
    public static string FieldValue(IRenderedComponent<Decoder> page, string field) =>
        page.Find("table.fields tr[data-field='" + field + "'] td:nth-child(3)").TextContent.Trim();

    /// <summary>The text of the element with <c>data-testid</c> <paramref name="id"/>.</summary>
    public static string Text(IRenderedComponent<Decoder> page, string id) =>
        page.Find("[data-testid='" + id + "']").TextContent.Trim();

    /// <summary>The register form rows named <paramref name="name"/>.</summary>
    public static IElement[] Forms(IRenderedComponent<Decoder> page, string name) =>
        [.. page.FindAll("table.forms tr[data-form='" + name + "']")];
}
