using ChatTranscripts.Functions.Telemetry;
using ChatTranscripts.Pipeline;
using ChatTranscripts.Pipeline.Configuration;
using ChatTranscripts.Pipeline.Ingest;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddChatTranscriptsTelemetry(builder.Configuration);
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
