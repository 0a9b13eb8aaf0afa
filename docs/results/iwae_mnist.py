#!/usr/bin/env python3
"""The PyTorch reference for the MNIST table of docs/results.md: the IWAE paper's one-layer model in plain PyTorch.

Trains the 784-200-200-50 tanh encoder / 50-200-200-784 tanh Bernoulli decoder of Burda et al.
(2016) with the ELBO (analytic KL, one sample) or the K-sample IWAE bound, on the same budget as
the genzoo runs it is compared with (batch 100, Adam lr 1e-3, dynamic binarization of the training
images), then scores the first --examples test images with the importance-sampled bound for K up to
5000, as `genzoo eval` does.

The test images are binarized exactly as genzoo binarizes them (one Bernoulli draw per pixel from
java.util.SplittableRandom seeded 1234567, reimplemented below), so both are scored on the same 0/1
images. This script is not part of the test suite. Usage:

    /usr/bin/python3 docs/results/iwae_mnist.py --mnist /tmp/mnistdl/package/data \
        --objective iwae --k 5 --epochs 10 [--examples 1000] [--threads 2] [--seed 0]

It prints one JSON line with the test estimates (nats per image).
"""
import argparse, json, math, os, struct, time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

TEST_BINARIZATION_SEED = 1234567           # genzoo's DeviceData.TEST_BINARIZATION_SEED
GOLDEN_GAMMA = 0x9E3779B97F4A7C15
MASK = (1 << 64) - 1


def read_images(directory, name):
    with open(os.path.join(directory, name), "rb") as f:
        magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
        assert magic == 0x803, f"{name} is not an IDX image file"
        data = np.frombuffer(f.read(n * rows * cols), dtype=np.uint8)
    return (data.astype(np.float32) / np.float32(255.0)).reshape(n, rows * cols)


def splittable_random_doubles(seed, count):
    """The first `count` values of java.util.SplittableRandom(seed).nextDouble() (SplitMix64)."""
    with np.errstate(over="ignore"):
        index = np.arange(1, count + 1, dtype=np.uint64)
        z = np.uint64(seed & MASK) + index * np.uint64(GOLDEN_GAMMA)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def binarize_like_genzoo(intensities):
    u = splittable_random_doubles(TEST_BINARIZATION_SEED, intensities.size).reshape(intensities.shape)
    return (u < intensities.astype(np.float64)).astype(np.float32)


class OneLayerIwae(nn.Module):
    def __init__(self, hidden=200, latent=50):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(784, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2 * latent))
        self.dec = nn.Sequential(nn.Linear(latent, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 784))

    def log_weights(self, x, k):
        """log p(x|z) + log p(z) - log q(z|x) for k draws per example: [k, B]."""
        mu, logvar = self.enc(x).chunk(2, dim=-1)
        eps = torch.randn(k, *mu.shape)
        z = mu + (0.5 * logvar).exp() * eps
        log_q = (-0.5 * eps.pow(2) - 0.5 * logvar - 0.5 * math.log(2 * math.pi)).sum(-1)
        log_p_z = (-0.5 * z.pow(2) - 0.5 * math.log(2 * math.pi)).sum(-1)
        logits = self.dec(z)
        log_p_x = -F.binary_cross_entropy_with_logits(logits, x.expand(k, -1, -1), reduction="none").sum(-1)
        return log_p_x + log_p_z - log_q

    def elbo_loss(self, x):
        mu, logvar = self.enc(x).chunk(2, dim=-1)
        z = mu + (0.5 * logvar).exp() * torch.randn_like(mu)
        rec = -F.binary_cross_entropy_with_logits(self.dec(z), x, reduction="none").sum(-1)
        kl = 0.5 * (mu.pow(2) + logvar.exp() - logvar - 1).sum(-1)
        return (kl - rec).mean()

    def iwae_loss(self, x, k):
        return -(torch.logsumexp(self.log_weights(x, k), 0) - math.log(k)).mean()


@torch.no_grad()
def evaluate(model, test, ks, batch, chunk):
    """ELBO (mean log-weight over all draws) and the bound for each K, first K draws, per example."""
    largest = ks[-1]
    rows = {"elbo": []}
    rows.update({k: [] for k in ks})
    for start in range(0, test.shape[0], batch):
        x = test[start:start + batch]
        running = torch.full((x.shape[0],), -math.inf, dtype=torch.float64)
        total = torch.zeros(x.shape[0], dtype=torch.float64)
        drawn = 0
        for k in ks:
            while drawn < k:
                c = min(chunk, k - drawn)
                lw = model.log_weights(x, c)
                running = torch.logaddexp(running, torch.logsumexp(lw, 0).double())
                total += lw.sum(0).double()
                drawn += c
            rows[k].append(running - math.log(k))
        rows["elbo"].append(total / largest)
    out = {}
    for key, parts in rows.items():
        v = torch.cat(parts)
        out["elbo" if key == "elbo" else f"iwae_k{key}"] = {
            "mean": v.mean().item(), "standard_error": (v.std() / math.sqrt(v.numel())).item()}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mnist", required=True)
    ap.add_argument("--objective", choices=["elbo", "iwae"], default="iwae")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--batch-size", type=int, default=100)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--examples", type=int, default=0, help="score the first N test images (0: all)")
    ap.add_argument("--eval-k", default="1,10,100,1000,5000")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    train = torch.from_numpy(read_images(args.mnist, "train-images-idx3-ubyte"))
    test_intensities = read_images(args.mnist, "t10k-images-idx3-ubyte")
    test = torch.from_numpy(binarize_like_genzoo(test_intensities))
    if args.examples:
        test = test[:args.examples]

    model = OneLayerIwae()
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    started = time.perf_counter()
    for epoch in range(args.epochs):
        order = torch.randperm(train.shape[0])
        for start in range(0, train.shape[0], args.batch_size):
            x = torch.bernoulli(train[order[start:start + args.batch_size]])
            loss = model.elbo_loss(x) if args.objective == "elbo" else model.iwae_loss(x, args.k)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
    train_seconds = time.perf_counter() - started

    ks = [int(k) for k in args.eval_k.split(",")]
    started = time.perf_counter()
    estimates = evaluate(model, test, ks, batch=100, chunk=max(1, (1 << 23) // (100 * 784)))
    result = {"impl": "pytorch", "torch": torch.__version__, "objective": args.objective,
              "k": args.k if args.objective == "iwae" else 1, "epochs": args.epochs, "batch_size": args.batch_size,
              "examples": int(test.shape[0]), "train_seconds": round(train_seconds, 1),
              "eval_seconds": round(time.perf_counter() - started, 1), **estimates,
              "nll_nats": -estimates[f"iwae_k{ks[-1]}"]["mean"]}
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
