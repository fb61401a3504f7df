using System.Threading.Tasks;
using CelerData.Benchmarks.Aot;
using CelerData.Benchmarks.Aot.Cloud;
using Refit;

return await TokenAppMain.RunAsync("CelerData.Generated", async http =>
{
    var api = RestService.ForGenerated<ICelerDataCloudApi>(http, CelerDataCloudJsonContext.Default);
    return (await api.CreateAccessTokenAsync().ConfigureAwait(false)).AccessToken;
}).ConfigureAwait(false);
