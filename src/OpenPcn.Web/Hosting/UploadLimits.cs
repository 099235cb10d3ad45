using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using OpenPcn.Web.Api;

namespace OpenPcn.Web.Hosting;

/// <summary>
/// Uploads (the national directory's import page and API) may be larger than Kestrel's 30 MB default request body.
/// Their endpoints carry <see cref="RequestSizeLimitAttribute"/> with <see cref="MaxRequestBytes"/>; a request that says
/// it is larger is answered here, before anything reads its body, with words a person can act on.
/// </summary>
internal static class UploadLimits
{
    /// <summary>The largest file accepted; the national files are a few megabytes to a few tens of megabytes.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The file plus the form's other fields and multipart boundaries.</summary>
    public const long MaxRequestBytes = MaxFileBytes + (1024 * 1024);

    public const string TooLargeQuery = "tooLarge";

    public const string TooLargeMessage = "The selected file must be smaller than 64 MB";

    public static IServiceCollection AddOpenPcnUploadLimits(this IServiceCollection services) =>
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = MaxRequestBytes);

    /// <summary>Refuses an upload whose Content-Length is over its endpoint's limit: a 413 problem, or the page again with an error.</summary>
    public static async Task RefuseTooLargeAsync(HttpContext context, RequestDelegate next)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (limit is null || context.Request.ContentLength is not { } length || length <= limit)
        {
            await next(context);
            return;
        }

        // Take in what is being sent before answering: a browser still uploading when the server answers and closes
        // the connection shows a connection error, not the answer. A client that asked first (Expect: 100-continue)
        // has sent nothing yet, and a body many times the limit is not worth reading.
        if (!context.Request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase)
            && length <= limit * 4
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = length;
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }

        if (ApiPaths.IsApi(context.Request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "The file is too large.", Detail = TooLargeMessage + "." },
            });
            return;
        }

        context.Response.Redirect(context.Request.Path + QueryString.Create(TooLargeQuery, "true"));
    }
}
