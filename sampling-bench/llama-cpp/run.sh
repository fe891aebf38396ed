#!/usr/bin/env bash
# llama.cpp's CPU sampler chains on Sampling4J's benchmark rows, optionally beside SamplerBenchmark.
#
#   sampling-bench/llama-cpp/run.sh [vocab ...]        default: 128256 32000
#   WITH_JMH=1 sampling-bench/llama-cpp/run.sh 128256  also runs SamplerBenchmark (native and -XX:UseAVX=2)
#   ROWS=64 sampling-bench/llama-cpp/run.sh 128256     both sides cycle 64 copies of the row (cold, not in L2)
#
# Needs gcc, a JDK, sampling-bench/target/benchmarks.jar (mvn -q -o -pl sampling-bench -am package
# -DskipTests), and either LLAMA_PKG pointing at an unpacked @node-llama-cpp/linux-x64 package or
# npm to fetch it. Every timed run holds /tmp/jmh.lock so that runs of several people on one
# machine do not overlap.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
version=${LLAMA_NPM_VERSION:-3.22.1}
lock=${BENCH_LOCK:-/tmp/jmh.lock}
vocabs=("$@")
[ ${#vocabs[@]} -gt 0 ] || vocabs=(128256 32000)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pkg=${LLAMA_PKG:-}
if [ -z "$pkg" ] || [ ! -f "$pkg/bins/linux-x64/libllama.v0.5.0.so" ]; then
    echo "# fetching @node-llama-cpp/linux-x64@$version with npm pack"
    (cd "$work" && npm pack --silent "@node-llama-cpp/linux-x64@$version" > /dev/null && tar xzf node-llama-cpp-linux-x64-"$version".tgz)
    pkg=$work/package
fi
bins=$pkg/bins/linux-x64
echo "# llama.cpp: $(cat "$bins/_nlcBuildMetadata.json" 2>/dev/null || echo 'no build metadata')"

gcc -O2 -std=c11 -Wall -o "$work/llama_sampler_bench" "$here/llama_sampler_bench.c" \
    -L"$bins" -l:libllama.v0.5.0.so -Wl,-rpath,"$bins" -lm

jar=$root/sampling-bench/target/benchmarks.jar
[ -f "$jar" ] || { echo "missing $jar: mvn -q -o -pl sampling-bench -am package -DskipTests" >&2; exit 2; }

echo "# rows: ${ROWS:-1} (1 = one row hot in cache, more = copies in turn, cold)"
echo "# $(lscpu | sed -n 's/^Model name: *//p'), $(grep -o -w -E 'avx2|avx512f' /proc/cpuinfo | sort -u | tr '\n' ' ')"
for vocab in "${vocabs[@]}"; do
    "$java" -cp "$jar" org.sampling4j.bench.ExportRows "$vocab" "$work/row-$vocab.bin"
    echo "## llama.cpp, vocab $vocab"
    flock "$lock" "$work/llama_sampler_bench" "$work/row-$vocab.bin" "${CALLS:-2000}" "${WARMUP:-200}" "${ROWS:-1}"
done

if [ "${WITH_JMH:-0}" = 1 ]; then
    for vocab in "${vocabs[@]}"; do
        echo "## Sampling4J SamplerBenchmark, vocab $vocab, native vector width"
        flock "$lock" "$java" -jar "$jar" 'SamplerBenchmark.(samplePanama|floorMax)$' -p vocab="$vocab" \
            -p rows="${ROWS:-1}" -f 1 -wi 3 -w 1s -i 5 -r 1s
        echo "## Sampling4J SamplerBenchmark, vocab $vocab, -XX:UseAVX=2"
        flock "$lock" "$java" -jar "$jar" 'SamplerBenchmark.(samplePanama|floorMax)$' -p vocab="$vocab" \
            -p rows="${ROWS:-1}" -f 1 -wi 3 -w 1s -i 5 -r 1s \
            -jvmArgsAppend "--add-modules jdk.incubator.vector -Dsampling4j.kernels=panama -XX:UseAVX=2"
    done
fi
