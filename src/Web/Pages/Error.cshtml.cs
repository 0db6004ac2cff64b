using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Placements.Web.Pages;

/// <summary>Shown for unhandled errors and error status codes; never shows a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Status { get; set; }

    public string Title => Status switch
    {
        404 => "Page not found",
        403 => "You do not have access to this page",
        400 => "Sorry, that request could not be handled",
        _ => "Sorry, there is a problem with the service",
    };

    public string Explanation => Status switch
    {
        404 => "If you typed the web address, check it is correct.",
        400 => "The form may have expired. Go back, reload the page and try again.",
        _ => "Try again later. Nothing you entered has been saved unless the page said so.",
    };

    public void OnGet() { }

    public void OnPost() { }
}
