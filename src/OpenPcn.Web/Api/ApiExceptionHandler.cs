using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OpenPcn.Core.Common;
using OpenPcn.Core.Storage;

namespace OpenPcn.Web.Api;

/// <summary>
/// Turns the domain's exceptions into ProblemDetails for API requests: a broken rule is a 400 validation problem keyed
/// by field, a missing (or another network's) thing 404, a conflict 409, a tenancy breach 403. Page requests are left
/// to the error page. Nothing the user sent is logged.
/// </summary>
internal sealed partial class ApiExceptionHandler(
    IProblemDetailsService problemDetails,
    IHostEnvironment environment,
    ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // By now the middleware has pointed the request at the error page; the feature keeps where it was going.
        var failed = httpContext.Features.Get<IExceptionHandlerFeature>();
        if (!ApiPaths.IsApi(failed?.Path ?? httpContext.Request.Path))
        {
            return false;
        }

        var problem = ToProblem(exception);
        if (exception is TenancyViolationException)
        {
            LogTenancyViolation(logger, httpContext.Request.Method, failed?.Endpoint?.DisplayName);
        }
        else if (problem.Status >= 500)
        {
            LogUnexpected(logger, exception.GetType().Name, failed?.Endpoint?.DisplayName);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private ProblemDetails ToProblem(Exception exception) => exception switch
    {
        RuleViolationException rule => new HttpValidationProblemDetails(
            rule.Errors.ToDictionary(e => ApiPaths.JsonName(e.Key), e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request broke a rule.",
            Detail = rule.Message,
        },
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found.", notFound.Message),
        ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict.", conflict.Message),
        TenancyViolationException => Problem(StatusCodes.Status403Forbidden, "Forbidden.", "That belongs to another network."),
        BadHttpRequestException bad => Problem(bad.StatusCode, "The request could not be read.", Describe(bad)),
        FormatException format => Problem(StatusCodes.Status400BadRequest, "The request could not be read.", format.Message),
        JsonException json => Problem(StatusCodes.Status400BadRequest, "The request body is not valid JSON for this endpoint.", json.Message),
        _ => Problem(StatusCodes.Status500InternalServerError, "Something went wrong.",
            environment.IsDevelopment() ? exception.Message : null),
    };

    // Parameter binding wraps the real reason (an invalid ODS code, a JSON error) in its own message.
    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is JsonException or FormatException ? bad.InnerException.Message : bad.Message;

    private static ProblemDetails Problem(int status, string title, string? detail) =>
        new() { Status = status, Title = title, Detail = detail };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a write across a tenancy boundary ({Method} {Endpoint})")]
    private static partial void LogTenancyViolation(ILogger logger, string method, string? endpoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected {ExceptionType} in {Endpoint}")]
    private static partial void LogUnexpected(ILogger logger, string exceptionType, string? endpoint);
}
