using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Placements.Web.Pages.Shared;

/// <summary>One line of a GOV.UK error summary: the message and the field it links to.</summary>
public sealed record ErrorLink(string Href, string Message);

public static class FormErrors
{
    /// <summary>
    /// Every error in <paramref name="state"/> as a summary link, in the order of <paramref name="fieldOrder"/> (the order
    /// of the form; other keys after). A date field's errors link to its day box (<c>#{Name}-day</c>); other keys link to
    /// the element with that id (dots become hyphens).
    /// </summary>
    public static IReadOnlyList<ErrorLink> ErrorLinks(this ModelStateDictionary state, string[]? fieldOrder = null, string[]? dateFields = null)
    {
        fieldOrder ??= [];
        dateFields ??= [];
        return state.Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => Array.IndexOf(fieldOrder, e.Key) is var i and >= 0 ? i : int.MaxValue)
            .SelectMany(e => e.Value!.Errors.Select(error => new ErrorLink(
                "#" + (dateFields.Contains(e.Key) ? $"{e.Key}-day" : e.Key.Length == 0 ? "main-content" : e.Key.Replace('.', '-')),
                error.ErrorMessage)))
            .ToList();
    }

    /// <summary>The first error message for <paramref name="key"/>, or null.</summary>
    public static string? ErrorFor(this ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The form-group class, with the error modifier when <paramref name="key"/> has an error.</summary>
    public static string GroupClass(this ModelStateDictionary state, string key) =>
        state.ErrorFor(key) is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error";
}
