using JourneyPlugin.Infobip.Sandbox.Logging;
using Microsoft.Extensions.Logging;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace JourneyPlugin.Infobip.Sandbox.Http;

/// <summary>
/// Maps Infobip's WhatsApp paths and the sandbox's control paths onto WireMock, each answered by a
/// callback so that the behaviour is logic rather than canned stubs. Anything else is Infobip's 404.
/// </summary>
internal static class SandboxRoutes
{
    private const int Specific = 10;
    private const int CatchAll = 1000;

    private static readonly (string Path, SandboxMessageKind Kind)[] SingleMessagePaths =
    [
        ("/whatsapp/1/message/text", SandboxMessageKind.Text),
        ("/whatsapp/1/message/image", SandboxMessageKind.Image),
        ("/whatsapp/1/message/document", SandboxMessageKind.Document),
        ("/whatsapp/1/message/video", SandboxMessageKind.Video),
        ("/whatsapp/1/message/audio", SandboxMessageKind.Audio),
        ("/whatsapp/1/message/interactive/buttons", SandboxMessageKind.InteractiveButtons),
        ("/whatsapp/1/message/interactive/list", SandboxMessageKind.InteractiveList),
    ];

    public static void Map(WireMockServer server, SandboxEndpoints endpoints, ILogger logger)
    {
        foreach (var (path, kind) in SingleMessagePaths)
        {
            Map(server, Request.Create().WithPath(path).UsingPost(), r => endpoints.SendMessage.HandleAsync(r, kind), logger);
        }

        Map(server, Request.Create().WithPath("/whatsapp/1/message/template").UsingPost(), endpoints.SendTemplate.HandleAsync, logger);
        Map(server, Request.Create().WithPath(new RegexMatcher("^/whatsapp/2/senders/[^/]+/templates$")).UsingGet(), Sync(endpoints.Templates.Handle), logger);

        Map(server, Request.Create().WithPath("/sandbox/health").UsingGet(), Sync(_ => endpoints.Health.Handle()), logger);
        Map(server, Request.Create().WithPath("/sandbox/messages").UsingGet(), Sync(endpoints.Messages.Handle), logger);
        Map(server, Request.Create().WithPath("/sandbox/replies").UsingPost(), endpoints.Replies.HandleAsync, logger);
        Map(server, Request.Create().WithPath("/sandbox/faults").UsingGet(), Sync(_ => endpoints.Faults.List()), logger);
        Map(server, Request.Create().WithPath("/sandbox/faults").UsingPost(), Sync(endpoints.Faults.Add), logger);

        server
            .Given(Request.Create().WithPath(new WildcardMatcher("/*")).UsingAnyMethod())
            .AtPriority(CatchAll)
            .RespondWith(Response.Create().WithCallback(_ => InfobipErrors.NotFound()));
    }

    private static void Map(WireMockServer server, IRequestBuilder request, Func<IRequestMessage, Task<IResponseMessage>> handler, ILogger logger) =>
        server
            .Given(request)
            .AtPriority(Specific)
            .RespondWith(Response.Create().WithCallback(async r =>
            {
                try
                {
                    return await handler(r).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A bug in a handler answers like Infobip's own 500 rather than with WireMock's exception page.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    SandboxLog.HandlerFailed(logger, e, r.Method, r.Path);
                    return InfobipErrors.ServerError();
                }
            }));

    private static Func<IRequestMessage, Task<IResponseMessage>> Sync(Func<IRequestMessage, IResponseMessage> handler) =>
        r => Task.FromResult(handler(r));
}
