# An independent judge of class-conditional samples: an MLP 784-256-10 (PyTorch, Adam, 5 epochs)
# fitted to the real training images (pixels in [0, 1]), scored on the real test split, then asked
# what class each sample of genzoo's sample grid (.npy, [N, 1, 28, 28], N/10 per class in class order) is.
import gzip, struct, sys
import numpy as np, torch

def idx(path):
    op = gzip.open if path.endswith('.gz') else open
    with op(path, 'rb') as f:
        magic = struct.unpack('>i', f.read(4))[0]
        dims = [struct.unpack('>i', f.read(4))[0] for _ in range(magic & 0xff)]
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)

folder, suffix, grid = sys.argv[1], sys.argv[2], sys.argv[3]
x = torch.tensor(idx(f'{folder}/train-images-idx3-ubyte{suffix}').reshape(-1, 784) / 255.0, dtype=torch.float32)
y = torch.tensor(idx(f'{folder}/train-labels-idx1-ubyte{suffix}').astype(np.int64))
xt = torch.tensor(idx(f'{folder}/t10k-images-idx3-ubyte{suffix}').reshape(-1, 784) / 255.0, dtype=torch.float32)
yt = torch.tensor(idx(f'{folder}/t10k-labels-idx1-ubyte{suffix}').astype(np.int64))
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
opt = torch.optim.Adam(model.parameters(), 1e-3)
for epoch in range(5):
    for i in torch.randperm(len(x)).split(128):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x[i]), y[i]).backward()
        opt.step()
with torch.no_grad():
    acc = (model(xt).argmax(1) == yt).float().mean().item()
    s = torch.tensor(np.load(grid).reshape(-1, 784), dtype=torch.float32)
    asked = torch.arange(10).repeat_interleave(s.shape[0] // 10)
    pred = model(s).argmax(1)
    per = [(pred[asked == c] == c).float().mean().item() for c in range(10)]
print(f'classifier test accuracy {acc:.3f}; samples judged their class: {(pred == asked).float().mean().item():.2f} overall;',
      ' '.join(f'{c}: {p:.1f}' for c, p in enumerate(per)))
