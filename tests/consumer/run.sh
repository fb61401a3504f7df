#!/usr/bin/env bash
# The consumer test: uses the packages in artifacts/packages as a user would, from a new project outside the repository.
#
#   dotnet pack CelerData.Generated.sln -c Release -o artifacts/packages
#   bash tests/consumer/run.sh [--record]
#
# It builds with warnings as errors, runs the app against the in-process emulator, adds an operation to the spec and
# rebuilds without cleaning (the new method must appear, and must not have existed before), publishes Native AOT with no
# warning and runs the native binary; then does the same with the ready client CelerData.Cloud (no spec in the project). --record writes the timings and the binary size to docs/consumer-test.md.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
packages="$repo/artifacts/packages"
record=false
for arg in "$@"; do
  case "$arg" in
    --record) record=true ;;
    *) echo "usage: $0 [--record]" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Make sure the app finds no credentials and so talks to the emulator only.
unset CELERDATA_CLIENT_ID CELERDATA_CLIENT_SECRET

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { printf '\n=== %s\n' "$*"; }
now() { date +%s.%N; }
timings=()
started="$(now)"
timed() { # timed NAME COMMAND...: runs COMMAND and records how long it took
  local name="$1" start end
  shift
  start="$(now)"
  "$@"
  end="$(now)"
  timings+=("$name|$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')")
}

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)"
[ -n "$version" ] || fail "no <Version> in Directory.Build.props"
for id in CelerData.Generated CelerData.Generated.Runtime CelerData.Generated.Runtime.Redis CelerData.Emulator CelerData.Cloud; do
  [ -f "$packages/$id.$version.nupkg" ] || fail "$packages/$id.$version.nupkg is missing: run 'dotnet pack CelerData.Generated.sln -c Release -o artifacts/packages' first"
done

step "0. Package contents"
command -v unzip > /dev/null || fail "unzip is needed to inspect the packages"
generator="$packages/CelerData.Generated.$version.nupkg"
listing="$(unzip -Z1 "$generator")"
for entry in analyzers/dotnet/cs/CelerData.Generated.dll analyzers/dotnet/cs/YamlDotNet.dll README.md \
  build/CelerData.Generated.props build/CelerData.Generated.targets \
  buildTransitive/CelerData.Generated.props buildTransitive/CelerData.Generated.targets; do
  grep -qx "$entry" <<< "$listing" || fail "CelerData.Generated has no $entry"
done
if grep -q '^lib/' <<< "$listing"; then fail "CelerData.Generated has a lib/ folder"; fi
nuspec="$(unzip -p "$generator" CelerData.Generated.nuspec)"
grep -q "<dependency id=\"CelerData.Generated.Runtime\" version=\"$version\"" <<< "$nuspec" || fail "CelerData.Generated does not depend on CelerData.Generated.Runtime $version"
grep -q '<dependency id="Refit" version="16.4.0"' <<< "$nuspec" || fail "CelerData.Generated does not depend on Refit 16.4.0"
for id in CelerData.Generated CelerData.Generated.Runtime CelerData.Generated.Runtime.Redis CelerData.Emulator CelerData.Cloud; do
  [ -f "$packages/$id.$version.snupkg" ] || fail "$id has no symbol package"
done
runtime_nuspec="$(unzip -p "$packages/CelerData.Generated.Runtime.$version.nupkg" CelerData.Generated.Runtime.nuspec)"
if grep -qi 'StackExchange' <<< "$runtime_nuspec"; then fail "CelerData.Generated.Runtime depends on a Redis package"; fi
redis_nuspec="$(unzip -p "$packages/CelerData.Generated.Runtime.Redis.$version.nupkg" CelerData.Generated.Runtime.Redis.nuspec)"
grep -q "<dependency id=\"CelerData.Generated.Runtime\" version=\"$version\"" <<< "$redis_nuspec" || fail "CelerData.Generated.Runtime.Redis does not depend on CelerData.Generated.Runtime $version"
grep -q '<dependency id="StackExchange.Redis"' <<< "$redis_nuspec" || fail "CelerData.Generated.Runtime.Redis does not depend on StackExchange.Redis"
echo "CelerData.Generated: analyzer and YamlDotNet under analyzers/dotnet/cs, build/ and buildTransitive/, no lib/, depends on the runtime $version and Refit 16.4.0; the runtime has no Redis dependency, CelerData.Generated.Runtime.Redis has; all five have symbols"
cloud="$packages/CelerData.Cloud.$version.nupkg"
cloud_listing="$(unzip -Z1 "$cloud")"
for entry in lib/net8.0/CelerData.Cloud.dll lib/net10.0/CelerData.Cloud.dll README.md; do
  grep -qx "$entry" <<< "$cloud_listing" || fail "CelerData.Cloud has no $entry"
done
if grep -q '^analyzers/' <<< "$cloud_listing"; then fail "CelerData.Cloud carries an analyzer: the generator must stay out of it"; fi
cloud_nuspec="$(unzip -p "$cloud" CelerData.Cloud.nuspec)"
grep -q "<dependency id=\"CelerData.Generated.Runtime\" version=\"$version\"" <<< "$cloud_nuspec" || fail "CelerData.Cloud does not depend on CelerData.Generated.Runtime $version"
if grep -q '<dependency id="CelerData.Generated"' <<< "$cloud_nuspec"; then fail "CelerData.Cloud depends on the generator"; fi
echo "CelerData.Cloud: lib/net8.0 and lib/net10.0, no analyzer, depends on the runtime $version and not on the generator"

work="$(mktemp -d "${TMPDIR:-/tmp}/celerdata-consumer.XXXXXX")"
case "$work" in "$repo"/*) fail "the work folder $work is inside the repository" ;; esac
cleanup() {
  local status=$?
  if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "The work folder is kept for inspection: $work" >&2; fi
}
trap cleanup EXIT
app="$work/app"
logs="$work/logs"
mkdir -p "$app" "$logs"
# A package cache of its own: a CelerData package left by an earlier run can never be used.
export NUGET_PACKAGES="$work/nuget-packages"

step "Consumer project in $app (CelerData packages $version from $packages, package cache $NUGET_PACKAGES)"
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local">
      <package pattern="CelerData.*" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
XML
# The runtime is not referenced: it must come with CelerData.Generated, or the generated CelerDataCloudClient would be missing.
cat > "$app/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <IsAotCompatible>true</IsAotCompatible>
    <InvariantGlobalization>true</InvariantGlobalization>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="CelerData.Generated" Version="$version" />
    <PackageReference Include="CelerData.Emulator" Version="$version" />
  </ItemGroup>
  <ItemGroup>
    <CelerDataSpec Include="celerdata-cloud.openapi.yaml" Namespace="Consumer.CelerData" ClientName="CelerDataCloud" />
  </ItemGroup>
</Project>
XML
cp "$repo/spec/celerdata-cloud.openapi.yaml" "$app/"
cat > "$app/Program.cs" <<'CS'
using CelerData.Emulator;
using CelerData.Generated.Runtime;
using Consumer.CelerData;

await using var emulator = await CelerDataEmulator.StartAsync();
using var client = CelerDataCloudClient.Create(new CelerDataClientOptions
{
    BaseAddress = emulator.BaseAddress,
    ClientId = emulator.Client.ClientId,
    ClientSecret = emulator.Client.ClientSecret,
});

var token = await client.TokenCache!.GetAccessTokenAsync();
var again = await client.TokenCache.GetAccessTokenAsync();
Console.WriteLine($"token: {token.Value[..4]}… ({token.Value.Length} characters), expires {token.ExpiresAt:u}");
var clusters = await client.Api.ListClustersAsync();
Console.WriteLine($"clusters: {clusters.Total} cluster(s)");
Console.WriteLine($"token requests: {emulator.Stats.ForClient(emulator.Client.ClientId).TokenRequests}, cached: {ReferenceEquals(token, again)}");
Console.WriteLine("methods: " + string.Join(", ", typeof(ICelerDataCloudApi).GetMethods().Select(m => m.Name).Order(StringComparer.Ordinal)));
//REGIONS
CS

build() { # build LOG: builds with warnings as errors and asserts that none was reported
  local log="$1"
  if ! dotnet build "$app" -c Release -warnaserror > "$log" 2>&1; then cat "$log"; fail "the build failed"; fi
  grep -q " 0 Warning(s)" "$log" || { cat "$log"; fail "the build reported warnings"; }
  if grep -iE "warning [A-Z]+[0-9]+" "$log"; then fail "the build reported warnings"; fi
  echo "built with 0 warnings and 0 errors"
}
run_app() { # run_app LOG COMMAND...: runs the app and checks it got one token from the emulator, answered the second from the cache
  local log="$1"
  shift
  if ! "$@" > "$log" 2>&1; then cat "$log"; fail "the app failed"; fi
  cat "$log"
  grep -qE '^token: [A-Z0-9]{4}… \(48 characters\)' "$log" || fail "the app printed no redacted token"
  grep -q '^clusters: 2 cluster(s)' "$log" || fail "the app listed no cluster"
  grep -q '^token requests: 1, cached: True' "$log" || fail "the token was not fetched exactly once and then cached"
}

step "1. Build with warnings as errors"
timed build build "$logs/build1.log"

step "2. Run: a token from the in-process emulator"
timed run run_app "$logs/run1.log" dotnet "$app/bin/Release/net10.0/Consumer.dll"
if grep -q "ListRegionsAsync" "$logs/run1.log"; then fail "ListRegionsAsync exists before the spec declares it"; fi
echo "as expected, ICelerDataCloudApi has no ListRegionsAsync yet"

step "3. Add GET /api/1.0/regions (operationId listRegions) to the spec and rebuild without cleaning"
awk '
  { print }
  /^paths:/ {
    print "  /api/1.0/regions:"
    print "    get:"
    print "      operationId: listRegions"
    print "      summary: List regions (an operation the CelerData spec does not declare)"
    print "      security:"
    print "        - clientCredentials: []"
    print "      responses:"
    print "        \"200\":"
    print "          description: The regions, in the response envelope."
    print "          content:"
    print "            application/json:"
    print "              schema:"
    print "                $ref: \"#/components/schemas/RegionListResponse\""
  }
  /^  schemas:/ {
    print "    RegionListResponse:"
    print "      type: object"
    print "      required:"
    print "        - code"
    print "      properties:"
    print "        code:"
    print "          type: integer"
    print "          format: int32"
    print "        message:"
    print "          type: string"
    print "        data:"
    print "          type: array"
    print "          items:"
    print "            type: string"
  }
' "$app/celerdata-cloud.openapi.yaml" > "$app/spec.edited"
mv "$app/spec.edited" "$app/celerdata-cloud.openapi.yaml"
grep -q "operationId: listRegions" "$app/celerdata-cloud.openapi.yaml" || fail "the spec edit did not apply"
# The app now calls the new method: it compiles only if the generator saw the edited spec. The emulator has no such
# endpoint, so any HTTP answer (404) proves the request was built and sent with the cached bearer token.
cat > "$app/regions.cs.part" <<'CS'
try
{
    var regions = await client.Api.ListRegionsAsync();
    Console.WriteLine($"regions: code answered, {(regions is null ? "no" : "a")} body");
}
catch (Refit.ApiException exception)
{
    Console.WriteLine($"regions: ListRegionsAsync sent {exception.HttpMethod} {exception.Uri?.AbsolutePath}, HTTP {(int)exception.StatusCode}");
}
CS
sed -i -e "/^\/\/REGIONS$/r $app/regions.cs.part" -e '/^\/\/REGIONS$/d' "$app/Program.cs"
rm "$app/regions.cs.part"
timed rebuild build "$logs/build2.log"
timed run-after-edit run_app "$logs/run2.log" dotnet "$app/bin/Release/net10.0/Consumer.dll"
grep -q "^methods: .*ListRegionsAsync" "$logs/run2.log" || fail "ICelerDataCloudApi has no ListRegionsAsync after the rebuild"
grep -q "^regions: .*GET /api/1.0/regions" "$logs/run2.log" || grep -q "^regions: code" "$logs/run2.log" || fail "ListRegionsAsync sent no request"
echo "ListRegionsAsync appeared after an incremental build"

step "4. Publish Native AOT"
publish() {
  if ! dotnet publish "$app" -c Release -r linux-x64 -p:PublishAot=true -o "$work/publish" > "$logs/publish.log" 2>&1; then
    cat "$logs/publish.log"
    fail "the publish failed"
  fi
  if grep -i "warning" "$logs/publish.log"; then fail "the publish reported warnings (above)"; fi
  echo "published with 0 IL/AOT warnings"
}
timed publish publish
binary="$work/publish/Consumer"
[ -x "$binary" ] || fail "no native binary at $binary"
if [ -f "$work/publish/Consumer.dll" ]; then fail "the publish is not native: Consumer.dll is beside the binary"; fi

step "5. Run the native binary"
timed run-native run_app "$logs/run-native.log" "$binary"
size="$(stat -c %s "$binary")"
echo "native binary: $size bytes"

step "6. CelerData.Cloud from the local feed: the ready client, no spec (build, run, Native AOT)"
cloud_app="$work/cloud-app"
mkdir -p "$cloud_app"
cp "$app/nuget.config" "$cloud_app/"
cat > "$cloud_app/CloudConsumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <IsAotCompatible>true</IsAotCompatible>
    <InvariantGlobalization>true</InvariantGlobalization>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="CelerData.Cloud" Version="$version" />
    <PackageReference Include="CelerData.Emulator" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$cloud_app/Program.cs" <<'CS'
using CelerData.Cloud;
using CelerData.Emulator;
using CelerData.Generated.Runtime;

await using var emulator = await CelerDataEmulator.StartAsync(new EmulatorOptions { ActionDuration = TimeSpan.FromMilliseconds(300) });
using var client = CelerDataCloudClient.Create(new CelerDataClientOptions
{
    BaseAddress = emulator.BaseAddress,
    ClientId = emulator.Client.ClientId,
    ClientSecret = emulator.Client.ClientSecret,
});

var warehouses = new List<ClusterWarehouse>();
await foreach (var item in client.Api.EnumerateWarehousesAsync())
{
    warehouses.Add(item);
}

Console.WriteLine($"warehouses: {warehouses.Count}");
var target = warehouses.First(w => w.Warehouse.IsDefault != true && w.Warehouse.State == WarehouseState.Running);
var action = await client.Api.SuspendWarehouseAsync(target.Warehouse.WarehouseId);
var done = await client.Api.WaitForActionAsync(target.Cluster.ClusterId, action.ActionId, new ActionWaitOptions { InitialDelay = TimeSpan.FromMilliseconds(100) });
var after = await client.Api.GetWarehouseAsync(target.Warehouse.WarehouseId);
Console.WriteLine($"suspend: {done.InfraActionState}, warehouse {after.State}");
CS
cloud_check() { # cloud_check LOG COMMAND...: runs the cloud app and checks what it printed
  local log="$1"
  shift
  if ! "$@" > "$log" 2>&1; then cat "$log"; fail "the CelerData.Cloud app failed"; fi
  cat "$log"
  grep -q '^warehouses: 3$' "$log" || fail "the CelerData.Cloud app did not list the three demo warehouses"
  grep -q '^suspend: SUCCEEDED, warehouse SUSPENDED$' "$log" || fail "the CelerData.Cloud app did not suspend a warehouse and wait for it"
}
if ! dotnet build "$cloud_app" -c Release -warnaserror > "$logs/cloud-build.log" 2>&1; then cat "$logs/cloud-build.log"; fail "the CelerData.Cloud app did not build"; fi
if grep -iE "warning [A-Z]+[0-9]+" "$logs/cloud-build.log"; then fail "the CelerData.Cloud app build reported warnings"; fi
timed cloud-run cloud_check "$logs/cloud-run.log" dotnet "$cloud_app/bin/Release/net10.0/CloudConsumer.dll"
cloud_publish() {
  if ! dotnet publish "$cloud_app" -c Release -r linux-x64 -p:PublishAot=true -o "$work/cloud-publish" > "$logs/cloud-publish.log" 2>&1; then
    cat "$logs/cloud-publish.log"
    fail "the CelerData.Cloud app publish failed"
  fi
  if grep -i "warning" "$logs/cloud-publish.log"; then fail "the CelerData.Cloud app publish reported warnings (above)"; fi
  echo "published with 0 IL/AOT warnings"
}
timed cloud-publish cloud_publish
timed cloud-run-native cloud_check "$logs/cloud-run-native.log" "$work/cloud-publish/CloudConsumer"

step "Summary"
printf '%-16s %8s\n' step seconds
timings+=("total|$(awk -v s="$started" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }')")
for entry in "${timings[@]}"; do printf '%-16s %8s\n' "${entry%%|*}" "${entry##*|}"; done
echo "native binary size: $size bytes"

if $record; then
  doc="$repo/docs/consumer-test.md"
  mkdir -p "$(dirname "$doc")"
  {
    echo "# Consumer test: last recorded run"
    echo
    echo "Written by \`bash tests/consumer/run.sh --record\` (after \`dotnet pack CelerData.Generated.sln -c Release -o artifacts/packages\`)."
    echo "The test builds a new project outside the repository against the packages, with an empty package folder of its own"
    echo "(NUGET_PACKAGES), so every package, the AOT compiler included, is extracted again; NuGet's HTTP cache may spare the"
    echo "downloads. The build and publish timings include that restore."
    echo
    echo "| | |"
    echo "|---|---|"
    echo "| date (UTC) | $(date -u '+%Y-%m-%d %H:%M') |"
    echo "| machine | \`$(uname -srm)\`, $(nproc) CPU cores |"
    echo "| .NET SDK | $(dotnet --version) |"
    echo "| packages | CelerData.Generated, CelerData.Generated.Runtime (transitively), CelerData.Emulator $version |"
    echo "| native binary size | $size bytes |"
    echo
    echo "| step | seconds |"
    echo "|---|---:|"
    for entry in "${timings[@]}"; do echo "| ${entry%%|*} | ${entry##*|} |"; done
  } > "$doc"
  echo "recorded in $doc"
fi

echo
echo "consumer test passed"
