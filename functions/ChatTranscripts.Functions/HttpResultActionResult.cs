using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ChatTranscripts.Functions;

/// <summary>Lets a function return the pipeline's minimal-API results through the ASP.NET Core integration.</summary>
internal sealed class HttpResultActionResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
