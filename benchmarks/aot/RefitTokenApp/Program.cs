using System.Threading.Tasks;
using CelerData.Benchmarks.Aot;
using Refit;

return await TokenAppMain.RunAsync("Refit + STJ generators", async http =>
{
    var api = RestService.ForGenerated<IHandCloudApi>(http, HandJsonContext.Default);
    return (await api.CreateAccessTokenAsync().ConfigureAwait(false)).AccessToken;
}).ConfigureAwait(false);
