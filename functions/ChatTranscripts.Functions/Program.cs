using ChatTranscripts.Pipeline;
using ChatTranscripts.Pipeline.Configuration;
using ChatTranscripts.Pipeline.Ingest;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService(options =>
    {
        // The Application Insights resource accepts only Entra-authenticated telemetry: the host signs in with
        // APPLICATIONINSIGHTS_AUTHENTICATION_STRING itself, the worker with the same identity as a credential.
        options.Credential = ApplicationInsightsAuthentication.CredentialFrom(builder.Configuration);
        // A weekly chat sends little telemetry and every failed delivery matters: keep all of it (host.json does
        // the same for the host's own telemetry).
        options.SamplingRatio = 1.0F;
        options.EnableTraceBasedLogsSampler = false;
    })
    .ConfigureFunctionsApplicationInsights();
builder.Services.AddChatTranscripts(builder.Configuration);

// In Azure the webhook secret is mandatory, and storage and Service Bus are reached with the app's identity only: an
// app deployed without them refuses to start, naming the setting, instead of accepting unsigned posts or failing on
// its first request.
if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID")))
{
    builder.Services.PostConfigure<WebhookOptions>(options => options.RequireSecret = true);
    builder.Services.PostConfigure<DeploymentOptions>(options => options.InAzure = true);
}

await builder.Build().RunAsync();
