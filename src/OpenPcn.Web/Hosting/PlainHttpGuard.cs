using System.Net;
using OpenPcn.Web.Api;

namespace OpenPcn.Web.Hosting;

/// <summary>
/// Outside local development, plain http is answered only for this machine (a laptop install reached at
/// http://localhost, or a TLS proxy on the same host). A request over plain http from anywhere else gets a clear
/// refusal instead of a sign-in page whose cookies would cross the network unencrypted. Cookies are marked Secure
/// whenever the request is https (directly, or through a known proxy with forwarded headers on).
/// </summary>
internal sealed class PlainHttpGuard(RequestDelegate next)
{
    public const string Message =
        "OpenPCN is served over https only, except to this machine itself. Use the https address, or ask whoever runs " +
        "OpenPCN to put it behind a TLS proxy (with ForwardedHeaders__Enabled=true).";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps || context.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
        return ApiPaths.IsApi(context.Request.Path)
            ? Results.Problem(statusCode: StatusCodes.Status421MisdirectedRequest, title: "Use https.", detail: Message).ExecuteAsync(context)
            : context.Response.WriteAsync(Message);
    }
}
