/*
 * llama.cpp's CPU sampler chains on the same logits as Sampling4J's SamplerBenchmark.
 *
 * Reads the row written by org.sampling4j.bench.ExportRows (N(0, 3) logits and the 64-token
 * history of BenchmarkRows), builds the seven canonical configurations of DESIGN.md section 7
 * as llama.cpp sampler chains, and times one sampling step per call: fill the
 * llama_token_data_array from the logits (llama_sampler_sample does this copy on every token),
 * apply the chain, read the selected token, accept it. Prints median, p10 and p90 in us.
 *
 * There is no llama.h in the prebuilt package, so the few declarations used are written out
 * below; they were checked against the exported symbols (nm -D) and the llama.h of the same
 * era, and self_check() verifies on tiny arrays that every sampler does what its name says, so
 * a wrong signature fails loudly instead of producing garbage timings.
 *
 *   llama_sampler_bench <row.bin> [calls] [warmup] [rows]
 *
 * rows (default 1): copies of the row read in turn, one per call, as SamplerBenchmark's rows
 * parameter does: 1 reads one row that stays in the cache ("hot"), 64 make every call read a row
 * that left L2 ("cold"). The copies are identical, so the chains see the same logits either way.
 */
#define _GNU_SOURCE
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- the llama.h declarations this program uses ---- */
typedef int32_t llama_token;
typedef struct llama_token_data {
    llama_token id;
    float logit;
    float p;
} llama_token_data;
typedef struct llama_token_data_array {
    llama_token_data *data;
    size_t size;
    int64_t selected;
    bool sorted;
} llama_token_data_array;
struct llama_sampler_chain_params {
    bool no_perf;
};
struct llama_sampler;

struct llama_sampler_chain_params llama_sampler_chain_default_params(void);
struct llama_sampler *llama_sampler_chain_init(struct llama_sampler_chain_params params);
void llama_sampler_chain_add(struct llama_sampler *chain, struct llama_sampler *smpl);
struct llama_sampler *llama_sampler_init_greedy(void);
struct llama_sampler *llama_sampler_init_dist(uint32_t seed);
struct llama_sampler *llama_sampler_init_temp(float t);
struct llama_sampler *llama_sampler_init_top_k(int32_t k);
struct llama_sampler *llama_sampler_init_top_p(float p, size_t min_keep);
struct llama_sampler *llama_sampler_init_min_p(float p, size_t min_keep);
struct llama_sampler *llama_sampler_init_penalties(int32_t penalty_last_n, float penalty_repeat,
                                                   float penalty_freq, float penalty_present);
void llama_sampler_apply(struct llama_sampler *smpl, llama_token_data_array *cur_p);
void llama_sampler_accept(struct llama_sampler *smpl, llama_token token);
void llama_sampler_free(struct llama_sampler *smpl);

/* ---- helpers ---- */
static int failures = 0;

static void check(bool ok, const char *what) {
    if (!ok) {
        fprintf(stderr, "SELF-CHECK FAILED: %s\n", what);
        failures++;
    }
}

static struct llama_sampler *chain(void) {
    return llama_sampler_chain_init(llama_sampler_chain_default_params());
}

static void fill(llama_token_data_array *cur, llama_token_data *data, const float *logits, size_t n) {
    for (size_t i = 0; i < n; i++) {
        data[i].id = (llama_token) i;
        data[i].logit = logits[i];
        data[i].p = 0.0f;
    }
    cur->data = data;
    cur->size = n;
    cur->selected = -1;
    cur->sorted = false;
}

static bool kept(const llama_token_data_array *cur, llama_token id) {
    for (size_t i = 0; i < cur->size; i++) {
        if (cur->data[i].id == id) {
            return true;
        }
    }
    return false;
}

static float logit_of(const llama_token_data_array *cur, llama_token id) {
    for (size_t i = 0; i < cur->size; i++) {
        if (cur->data[i].id == id) {
            return cur->data[i].logit;
        }
    }
    return NAN;
}

/*
 * Each sampler on an 8-token array with hand-computed expectations. The softmax of these logits
 * is about {0.017, 0.047, 0.002, 0.128, 0.006, 0.348, 0.047, 0.406} (token 7 largest, then 5, 3).
 */
static void self_check(void) {
    const float logits[8] = {0.0f, 1.0f, -2.0f, 2.0f, -1.0f, 3.0f, 1.0f, 3.155f};
    llama_token_data data[8];
    llama_token_data_array cur;
    struct llama_sampler *s;

    s = llama_sampler_init_greedy();
    fill(&cur, data, logits, 8);
    llama_sampler_apply(s, &cur);
    check(cur.selected >= 0 && cur.data[cur.selected].id == 7, "greedy selects the argmax (token 7)");
    llama_sampler_free(s);

    s = llama_sampler_init_top_k(2);
    fill(&cur, data, logits, 8);
    llama_sampler_apply(s, &cur);
    check(cur.size == 2 && kept(&cur, 7) && kept(&cur, 5), "top-k 2 keeps tokens 7 and 5");
    llama_sampler_free(s);

    /* cumulative: 0.406, 0.754, 0.882: top-p 0.7 keeps 2, top-p 0.8 keeps 3 */
    s = llama_sampler_init_top_p(0.7f, 1);
    fill(&cur, data, logits, 8);
    llama_sampler_apply(s, &cur);
    check(cur.size == 2 && kept(&cur, 7) && kept(&cur, 5), "top-p 0.7 keeps tokens 7 and 5");
    llama_sampler_free(s);
    s = llama_sampler_init_top_p(0.8f, 1);
    fill(&cur, data, logits, 8);
    llama_sampler_apply(s, &cur);
    check(cur.size == 3 && kept(&cur, 3), "top-p 0.8 keeps 3 tokens");
    llama_sampler_free(s);
    s = llama_sampler_init_top_p(0.01f, 4);
    fill(&cur, data, logits, 8);
    llama_sampler_apply(s, &cur);
    check(cur.size == 4, "top-p min_keep 4 keeps 4 tokens");
    llama_sampler_free(s);

    /* min-p 0.3: p >= 0.3 * 0.406 = 0.122 keeps 7, 5, 3 (0.128) but not 1 (0.047) */
    s = llama_sampler_init_min_p(0.3f, 1);
    fill(&cur, data, logits, 8);
    llama_sampler_apply(s, &cur);
    check(cur.size == 3 && kept(&cur, 7) && kept(&cur, 5) && kept(&cur, 3), "min-p 0.3 keeps 7, 5, 3");
    llama_sampler_free(s);

    s = llama_sampler_init_temp(0.5f);
    fill(&cur, data, logits, 8);
    llama_sampler_apply(s, &cur);
    check(cur.size == 8 && fabsf(logit_of(&cur, 3) - 4.0f) < 1e-6f && fabsf(logit_of(&cur, 4) + 2.0f) < 1e-6f,
          "temperature 0.5 doubles the logits");
    llama_sampler_free(s);

    /* token 3 seen twice, token 4 once: positive logit / 1.1, negative * 1.1, then - count * freq - present */
    s = llama_sampler_init_penalties(64, 1.1f, 0.3f, 0.6f);
    llama_sampler_accept(s, 3);
    llama_sampler_accept(s, 3);
    llama_sampler_accept(s, 4);
    fill(&cur, data, logits, 8);
    llama_sampler_apply(s, &cur);
    check(fabsf(logit_of(&cur, 3) - (2.0f / 1.1f - 2 * 0.3f - 0.6f)) < 1e-5f, "penalties on token 3 (count 2)");
    check(fabsf(logit_of(&cur, 4) - (-1.0f * 1.1f - 0.3f - 0.6f)) < 1e-5f, "penalties on token 4 (count 1)");
    check(logit_of(&cur, 5) == 3.0f, "penalties leave unseen token 5 alone");
    llama_sampler_free(s);

    /* dist: the frequency of token 7 over many draws is its probability 0.406 */
    s = llama_sampler_init_dist(1234);
    int hits = 0;
    const int draws = 20000;
    for (int i = 0; i < draws; i++) {
        fill(&cur, data, logits, 8);
        llama_sampler_apply(s, &cur);
        if (cur.selected < 0 || cur.selected >= (int64_t) cur.size) {
            check(false, "dist selects an index inside the array");
            break;
        }
        hits += cur.data[cur.selected].id == 7;
    }
    double freq = (double) hits / draws;
    check(fabs(freq - 0.406) < 0.02, "dist draws token 7 with its probability");
    llama_sampler_free(s);

    /* a chain: top-k 2 then dist only ever selects 7 or 5 */
    s = chain();
    llama_sampler_chain_add(s, llama_sampler_init_top_k(2));
    llama_sampler_chain_add(s, llama_sampler_init_dist(99));
    bool only = true;
    for (int i = 0; i < 200; i++) {
        fill(&cur, data, logits, 8);
        llama_sampler_apply(s, &cur);
        llama_token t = cur.data[cur.selected].id;
        only &= t == 7 || t == 5;
    }
    check(only, "chain top-k 2 + dist selects only 7 or 5");
    llama_sampler_free(s);
}

/* ---- the seven canonical configurations ---- */
static const char *NAMES[9] = {"greedy", "temp1", "topK50Temp07", "minP005Temp07",
                               "topP095Temp07", "temp07TopP09", "fullChain",
                               "x:topP09Temp07", "x:penalties"};
#define CANONICAL 7
#define CONFIGS 9
static const uint32_t SEED = 0x5A4D0901u;

/*
 * llama.cpp's usual order is penalties, top-k, top-p, min-p, temperature, dist (common_sampler's
 * default). Configuration 6 is defined as temperature first, then top-p (what
 * `--samplers "temperature;top_p"` gives), so its chain is built in that order.
 *
 * Two extra rows (names starting "x:") are not canonical: configuration 6 in llama.cpp's default
 * order (top-p 0.9 at T = 1, then temperature 0.7), which is what a chain built in the usual order
 * measures, and the penalties sampler alone on the full vocabulary, to show its share.
 */
static struct llama_sampler *canonical(int config) {
    struct llama_sampler *s = chain();
    switch (config) {
    case 0:
        llama_sampler_chain_add(s, llama_sampler_init_greedy());
        return s;
    case 1:
        llama_sampler_chain_add(s, llama_sampler_init_temp(1.0f));
        break;
    case 2:
        llama_sampler_chain_add(s, llama_sampler_init_top_k(50));
        llama_sampler_chain_add(s, llama_sampler_init_temp(0.7f));
        break;
    case 3:
        llama_sampler_chain_add(s, llama_sampler_init_min_p(0.05f, 1));
        llama_sampler_chain_add(s, llama_sampler_init_temp(0.7f));
        break;
    case 4:
        llama_sampler_chain_add(s, llama_sampler_init_top_p(0.95f, 1));
        llama_sampler_chain_add(s, llama_sampler_init_temp(0.7f));
        break;
    case 5:
        llama_sampler_chain_add(s, llama_sampler_init_temp(0.7f));
        llama_sampler_chain_add(s, llama_sampler_init_top_p(0.9f, 1));
        break;
    case 6:
        llama_sampler_chain_add(s, llama_sampler_init_penalties(64, 1.1f, 0.3f, 0.6f));
        llama_sampler_chain_add(s, llama_sampler_init_top_k(50));
        llama_sampler_chain_add(s, llama_sampler_init_top_p(0.9f, 1));
        llama_sampler_chain_add(s, llama_sampler_init_min_p(0.05f, 1));
        llama_sampler_chain_add(s, llama_sampler_init_temp(0.7f));
        break;
    case 7:
        llama_sampler_chain_add(s, llama_sampler_init_top_p(0.9f, 1));
        llama_sampler_chain_add(s, llama_sampler_init_temp(0.7f));
        break;
    case 8:
        llama_sampler_chain_add(s, llama_sampler_init_penalties(64, 1.1f, 0.3f, 0.6f));
        break;
    }
    llama_sampler_chain_add(s, llama_sampler_init_dist(SEED));
    return s;
}

static double now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static double quantile(const double *sorted, int n, double q) {
    return sorted[(int) (q * (n - 1) + 0.5)];
}

/* The libggml-cpu variant mapped into this process, if any (samplers never load one). */
static void print_ggml_cpu_mapping(void) {
    FILE *maps = fopen("/proc/self/maps", "r");
    char line[4096];
    const char *found = NULL;
    static char name[4096];
    while (maps != NULL && fgets(line, sizeof line, maps) != NULL) {
        char *p = strstr(line, "libggml-cpu");
        if (p != NULL) {
            snprintf(name, sizeof name, "%s", p);
            name[strcspn(name, "\n")] = 0;
            found = name;
        }
    }
    if (maps != NULL) {
        fclose(maps);
    }
    printf("# ggml CPU backend mapped: %s\n", found != NULL ? found : "none (samplers run in libllama itself)");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s <row.bin> [calls] [warmup] [rows]\n", argv[0]);
        return 2;
    }
    int calls = argc > 2 ? atoi(argv[2]) : 2000;
    int warmup = argc > 3 ? atoi(argv[3]) : 200;
    int rows = argc > 4 ? atoi(argv[4]) : 1;
    if (calls < 1 || warmup < 0 || rows < 1) {
        fprintf(stderr, "calls = %d, warmup = %d, rows = %d: need calls >= 1, warmup >= 0, rows >= 1\n", calls, warmup,
                rows);
        return 2;
    }

    FILE *in = fopen(argv[1], "rb");
    int32_t vocab = 0, history_length = 0;
    if (in == NULL || fread(&vocab, 4, 1, in) != 1 || vocab <= 0) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    float *logits = malloc(sizeof(float) * vocab);
    if (fread(logits, sizeof(float), vocab, in) != (size_t) vocab || fread(&history_length, 4, 1, in) != 1) {
        fprintf(stderr, "truncated %s\n", argv[1]);
        return 2;
    }
    int32_t *history = malloc(sizeof(int32_t) * history_length);
    if (fread(history, sizeof(int32_t), history_length, in) != (size_t) history_length) {
        fprintf(stderr, "truncated %s\n", argv[1]);
        return 2;
    }
    fclose(in);

    self_check();
    if (failures > 0) {
        fprintf(stderr, "%d self-check(s) failed: the declarations do not match this libllama\n", failures);
        return 1;
    }
    printf("# self-check passed (greedy, top-k, top-p, min-p, temperature, penalties, dist, chain)\n");
    float **pool = malloc(sizeof(float *) * rows);
    pool[0] = logits;
    for (int r = 1; r < rows; r++) {
        pool[r] = malloc(sizeof(float) * vocab);
        memcpy(pool[r], logits, sizeof(float) * vocab);
    }
    printf("# vocab %d, history %d, %d calls after %d warm-up, %d row cop%s in turn (%s), us per call\n", vocab,
           history_length, calls, warmup, rows, rows == 1 ? "y" : "ies", rows == 1 ? "hot" : "cold");
    printf("%-14s %10s %10s %10s %10s %8s %6s\n", "config", "median", "p10", "p90", "mean", "kept", "token");

    llama_token_data *data = malloc(sizeof(llama_token_data) * vocab);
    double *times = malloc(sizeof(double) * calls);
    llama_token_data_array cur;
    for (int config = 0; config < CONFIGS; config++) {
        struct llama_sampler *s = canonical(config);
        for (int i = 0; i < history_length; i++) {
            llama_sampler_accept(s, history[i]);
        }
        size_t kept_size = 0;
        llama_token token = -1;
        double sum = 0;
        for (int i = -warmup; i < calls; i++) {
            double start = now_us();
            fill(&cur, data, pool[(i + warmup) % rows], (size_t) vocab);
            llama_sampler_apply(s, &cur);
            token = cur.data[cur.selected].id;
            llama_sampler_accept(s, token);
            double elapsed = now_us() - start;
            kept_size = cur.size;
            if (i >= 0) {
                times[i] = elapsed;
                sum += elapsed;
            }
        }
        qsort(times, calls, sizeof(double), by_value);
        if (config == CANONICAL) {
            printf("# extra rows, not canonical\n");
        }
        printf("%-14s %10.1f %10.1f %10.1f %10.1f %8zu %6d\n", NAMES[config], quantile(times, calls, 0.5),
               quantile(times, calls, 0.1), quantile(times, calls, 0.9), sum / calls, kept_size, token);
        fflush(stdout);
        llama_sampler_free(s);
    }
    print_ggml_cpu_mapping();
    for (int r = 1; r < rows; r++) {
        free(pool[r]);
    }
    free(pool);
    free(times);
    free(data);
    free(history);
    free(logits);
    return 0;
}
