/*
 * Open-loop HTTP/1.1 load generator for Seer's benchmarks.
 *
 * Request k is scheduled at start + k / rate. It is sent on the first idle keep-alive connection
 * at or after that time, and its latency is measured from the scheduled time to the last byte of
 * the response, so a server that falls behind shows its queueing in the figures (no coordinated
 * omission). One thread, epoll_pwait2 (Linux 5.11 or later) with nanosecond timeouts so that it
 * sleeps between requests instead of spinning, no dependencies.
 *
 *   gcc -O2 -o /tmp/loadgen tools/loadgen.c
 *   /tmp/loadgen HOST PORT RATE SECONDS CONNECTIONS PATHS_FILE [AUTH_HEADER_VALUE]
 *
 * PATHS_FILE holds one request path per line, used round robin. Prints one JSON object.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BUF 65536

typedef struct {
  int fd;
  int busy;
  long request; /* index of the request in flight */
  char buf[BUF];
  size_t have;
} conn_t;

static long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000L + t.tv_nsec;
}

static int connect_to(const char *host, int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  inet_pton(AF_INET, host, &a.sin_addr);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
    perror("connect");
    exit(1);
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

/* Returns the length of a complete response at the start of b, 0 if incomplete; sets *status. */
static size_t complete(const char *b, size_t n, int *status) {
  const char *end = memmem(b, n, "\r\n\r\n", 4);
  if (!end) return 0;
  size_t head = (size_t)(end - b) + 4;
  *status = atoi(b + 9);
  const char *cl = memmem(b, head, "Content-Length:", 15);
  if (!cl) cl = memmem(b, head, "content-length:", 15);
  if (cl) {
    size_t len = strtoul(cl + 15, NULL, 10);
    return n >= head + len ? head + len : 0;
  }
  /* chunked: complete when the terminating zero-length chunk has arrived */
  const char *z = memmem(b + head, n - head, "\r\n0\r\n\r\n", 7);
  if (z) return (size_t)(z - b) + 7;
  if (n - head >= 5 && memcmp(b + head, "0\r\n\r\n", 5) == 0) return head + 5;
  return 0;
}

static int cmp_long(const void *x, const void *y) {
  long a = *(const long *)x, b = *(const long *)y;
  return a < b ? -1 : a > b;
}

int main(int argc, char **argv) {
  if (argc < 7) {
    fprintf(stderr, "usage: %s HOST PORT RATE SECONDS CONNECTIONS PATHS_FILE [AUTH]\n", argv[0]);
    return 2;
  }
  const char *host = argv[1];
  int port = atoi(argv[2]);
  double rate = atof(argv[3]);
  double seconds = atof(argv[4]);
  int nconn = atoi(argv[5]);
  const char *auth = argc > 7 ? argv[7] : NULL;
  FILE *pf = fopen(argv[6], "r");
  if (!pf) {
    perror(argv[6]);
    return 2;
  }
  size_t npaths = 0, cap = 1024;
  char **paths = malloc(cap * sizeof *paths);
  char line[4096];
  while (fgets(line, sizeof line, pf)) {
    line[strcspn(line, "\r\n")] = 0;
    if (!*line) continue;
    if (npaths == cap) paths = realloc(paths, (cap *= 2) * sizeof *paths);
    paths[npaths++] = strdup(line);
  }
  fclose(pf);
  long total = (long)(rate * seconds);
  long *latency = calloc(total, sizeof *latency);
  long *scheduled = calloc(total, sizeof *scheduled);
  conn_t *c = calloc(nconn, sizeof *c);
  int ep = epoll_create1(0);
  for (int i = 0; i < nconn; i++) {
    c[i].fd = connect_to(host, port);
    struct epoll_event e = {.events = EPOLLIN, .data.u32 = (unsigned)i};
    epoll_ctl(ep, EPOLL_CTL_ADD, c[i].fd, &e);
  }
  long start = now_ns() + 20000000L;
  double interval = 1e9 / rate;
  long next = 0, done = 0, errors = 0, maxQueue = 0;
  char req[8192];
  struct epoll_event ev[256];
  while (done < total) {
    long t = now_ns();
    /* send every request that is due, on idle connections */
    int blocked = 0;
    while (next < total) {
      long due = start + (long)(next * interval);
      if (due > t) break;
      int idle = -1;
      for (int i = 0; i < nconn; i++) {
        if (!c[i].busy) {
          idle = i;
          break;
        }
      }
      if (idle < 0) {
        blocked = 1;
        break;
      }
      int len = snprintf(req, sizeof req,
                         "GET %s HTTP/1.1\r\nHost: %s:%d\r\n%s%s%sConnection: keep-alive\r\n\r\n",
                         paths[next % npaths], host, port, auth ? "Authorization: " : "",
                         auth ? auth : "", auth ? "\r\n" : "");
      scheduled[next] = due;
      if (write(c[idle].fd, req, len) != len) {
        perror("write");
        return 1;
      }
      c[idle].busy = 1;
      c[idle].request = next++;
    }
    long dueNow = t < start ? 0 : (long)((t - start) / interval) + 1;
    if (dueNow > total) dueNow = total;
    if (dueNow - next > maxQueue) maxQueue = dueNow - next;
    /* sleep until the next request is due (to the nanosecond, so that the generator does not spin
       and take a core from the server), or, when all are sent or every connection is busy, until
       a response arrives */
    struct timespec ts = {0, 0};
    struct timespec *timeout = NULL;
    if (next < total && !blocked) {
      long due = start + (long)(next * interval);
      long wait = due - now_ns();
      if (wait < 0) wait = 0;
      ts.tv_sec = wait / 1000000000L;
      ts.tv_nsec = wait % 1000000000L;
      timeout = &ts;
    }
    int n = epoll_pwait2(ep, ev, 256, timeout, NULL);
    for (int k = 0; k < n; k++) {
      conn_t *x = &c[ev[k].data.u32];
      ssize_t r = read(x->fd, x->buf + x->have, BUF - x->have);
      if (r <= 0) {
        fprintf(stderr, "connection closed by the server\n");
        return 1;
      }
      x->have += (size_t)r;
      int status = 0;
      size_t used = complete(x->buf, x->have, &status);
      if (used) {
        long at = now_ns();
        latency[x->request] = at - scheduled[x->request];
        if (status != 200) errors++;
        memmove(x->buf, x->buf + used, x->have - used);
        x->have -= used;
        x->busy = 0;
        done++;
      } else if (x->have == BUF) {
        fprintf(stderr, "response larger than %d bytes\n", BUF);
        return 1;
      }
    }
  }
  double elapsed = (now_ns() - start) / 1e9;
  qsort(latency, total, sizeof *latency, cmp_long);
#define PCT(p) (latency[(long)((p) * (total - 1))] / 1e6)
  printf("{\"requests\": %ld, \"errors\": %ld, \"targetRequestsPerSecond\": %.1f, "
         "\"achievedRequestsPerSecond\": %.1f, \"connections\": %d, \"maxQueued\": %ld, "
         "\"p50Ms\": %.3f, \"p90Ms\": %.3f, \"p99Ms\": %.3f, \"p999Ms\": %.3f, \"maxMs\": %.3f}\n",
         total, errors, rate, total / elapsed, nconn, maxQueue, PCT(0.5), PCT(0.9), PCT(0.99),
         PCT(0.999), latency[total - 1] / 1e6);
  return 0;
}
