using ChatTranscripts.Pipeline;
using ChatTranscripts.Pipeline.Configuration;
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

// Azure is recognised by the setting the deployment writes, not guessed from platform variables (see DeploymentEnvironment).
builder.Services.AddDeploymentEnvironment(builder.Configuration);

await builder.Build().RunAsync();
