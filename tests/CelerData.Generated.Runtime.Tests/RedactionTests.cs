using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using CelerData.Generated.Runtime.Tests.Infrastructure;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

public sealed class RedactionTests
{
    [Fact]
    public async Task No_secret_basic_value_or_token_appears_in_any_log_line_or_exception()
    {
        using var test = new TestClient(o => o.MaxRateLimitRetries = 1);
        var texts = new List<string> { test.Client.Api.ToString() ?? "", Secrets.Options().ToString() };
        var tokenAnswers = new Func<System.Net.Http.HttpResponseMessage>[]
        {
            () => StubHandler.Json(Secrets.TokenJson()),
            () => StubHandler.Json("""{"access_token":"x","expires_in":0,"token_type":"Bearer","leak":"SECRET_IN_BODY"}"""),
            () => StubHandler.Json("<html>" + Secrets.AccessToken + "</html>"),
            () => StubHandler.Json("""{"error":"SECRET_IN_BODY"}""", HttpStatusCode.Unauthorized),
            () => StubHandler.Json("""{"error":"SECRET_IN_BODY"}""", HttpStatusCode.BadRequest),
            () => StubHandler.Json("""{"error":"SECRET_IN_BODY"}""", HttpStatusCode.InternalServerError),
            () => StubHandler.Json(Secrets.TokenJson(Secrets.SecondAccessToken)),
        };
        var answer = 0;
        test.Stub.Token = _ => tokenAnswers[Math.Min(answer, tokenAnswers.Length - 1)]();
        test.Stub.Api = (n, _) => n switch
        {
            1 => StubHandler.Status(HttpStatusCode.Unauthorized),
            _ => StubHandler.Json("""{"error":"SECRET_IN_BODY"}""", n % 2 == 0 ? HttpStatusCode.TooManyRequests : HttpStatusCode.Forbidden),
        };

        for (answer = 0; answer < tokenAnswers.Length; answer++)
        {
            test.Cache.Clear();
            texts.Add(await Capture(() => test.Drive(test.Api.ListClustersAsync(), TimeSpan.FromSeconds(1))));
            texts.Add(await Capture(() => test.Cache.GetAccessTokenAsync().AsTask()));
        }

        texts.Add(test.Logs.AllText());
        var all = string.Join("\n", texts);
        Assert.Contains("TestCloud", all, StringComparison.Ordinal);
        foreach (var secret in Secrets.All)
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("SECRET_IN_BODY", all, StringComparison.Ordinal);
    }

    private static async Task<string> Capture(Func<Task> action)
    {
        try
        {
            await action();
            return "";
        }
        catch (Refit.ApiException api)
        {
            // Refit's own exception carries the body by design; only what the runtime adds is checked here.
            var text = new StringBuilder(api.Message);
            for (var e = api.InnerException; e is not null; e = e.InnerException)
            {
                text.AppendLine(e.ToString());
            }

            return text.ToString();
        }
        catch (Exception exception)
        {
            return exception.ToString();
        }
    }
}
