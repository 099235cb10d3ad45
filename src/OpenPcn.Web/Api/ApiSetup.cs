using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;
using OpenPcn.Core.Features.Network;

namespace OpenPcn.Web.Api;

/// <summary>JSON, ProblemDetails and the OpenAPI document for <c>/api/v1</c>.</summary>
internal static class ApiSetup
{
    public const string BearerSchemeName = "Bearer";

    private const string Description =
        "The OpenPCN JSON API: the same network, directory, onboarding and user operations as the pages, calling the " +
        "same services.\n\n**Authentication.** Every endpoint except `POST /api/v1/auth/token` needs a bearer token: post " +
        "an email and password to `/api/v1/auth/token` and send the `accessToken` it returns as `Authorization: Bearer " +
        "<token>`. The sign-in cookie that pages use is **not** accepted here, so a page on another site cannot make a " +
        "signed-in person's browser call the API (no cross-site request forgery surface). A token lasts 30 minutes and " +
        "stops working at once when the user's access is removed or their password or roles change. Five wrong passwords " +
        "lock the account for 15 minutes; too many sign-in attempts from one address answer 429.\n\n**Tenancy.** A token belongs to one user of one network; every read and write is " +
        "confined to that network (and, for a practice manager, to their practice). Another network's ids answer 404.\n\n" +
        "**Errors** are RFC 9457 problem details; a broken rule is a 400 with `errors` keyed by field.";

    public static IServiceCollection AddOpenPcnApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(options =>
        {
            // Names only: "region": 7 is a 400, not a region that does not exist.
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            // A missing or null required field is a 400, not a default value slipping into the domain.
            options.SerializerOptions.RespectNullableAnnotations = true;
            options.SerializerOptions.RespectRequiredConstructorParameters = true;
        });

        // Binding failures (a bad ODS code in the route, unreadable JSON) throw, so the exception handler answers them
        // with ProblemDetails in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "OpenPCN API";
                document.Info.Version = "v1";
                document.Info.Description = Description;
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An access token from POST /api/v1/auth/token (ASP.NET Core Identity bearer token, not a JWT).",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeName, document)] = [] });
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                var pattern = type == typeof(PracticeCode) ? "^[A-Z][0-9]{5}$"
                    : type == typeof(PcnCode) ? "^U[0-9]{5}$"
                    : type == typeof(OdsCode) ? "^[A-Z0-9]{3,10}$"
                    : null;
                if (pattern is not null)
                {
                    schema.Type = type == context.JsonTypeInfo.Type ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
                    schema.Pattern = pattern;
                    schema.Properties?.Clear();
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }
}
