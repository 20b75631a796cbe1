#!/usr/bin/env bash
# Held-out accuracy of our XGBoost model vs the Python peer's 50-tree random forest, trained on
# exactly the same 100,000 rows (the peer's own data: gen_data.py seed 7, sampled with its
# random_state 42). Both split those rows 80/20 at random and report on their held-out 20 %.
#
# usage: bench/scoring/mae_vs_peer.sh   (from the repository root, after ./mvnw -pl app -am package)
set -euo pipefail
PEER=${PEER:-../shared/peers/python-scoring}
WORK=${WORK:-/tmp/ramsetu-bench}
JAR=${JAR:-app/target/ramsetu.jar}
mkdir -p "$WORK/peer-models"
export RAMSETU_DATA_DIR="$WORK/data"

[ -f "$WORK/kidney_pairs_1m.csv" ] ||
  /usr/bin/python3 "$PEER/gen_data.py" 1000000 "$WORK/kidney_pairs_1m.csv" --seed 7
/usr/bin/python3 - "$WORK/kidney_pairs_1m.csv" "$WORK/kidney_sample_100k.csv" <<'PY'
import sys, pandas as pd
pd.read_csv(sys.argv[1]).sample(n=100_000, random_state=42).to_csv(sys.argv[2], index=False)
PY

echo "== Python peer: RandomForestRegressor(n_estimators=50), train.py"
(cd "$PEER" && /usr/bin/python3 train.py "$WORK/kidney_sample_100k.csv" "$WORK/peer-models/kidney_model.joblib") |
  tee "$WORK/peer_train.log"

echo "== RamSetu: XGBoost defaults (200 trees, depth 2, eta 0.5)"
java -jar "$JAR" train --organ kidney --data "$WORK/kidney_sample_100k.csv" --rows 100000 --seed 42 |
  tee "$WORK/ramsetu_train_default.log"
echo "== RamSetu: XGBoost, accuracy settings (1500 trees, depth 2, eta 0.5)"
java -jar "$JAR" train --organ kidney --data "$WORK/kidney_sample_100k.csv" --rows 100000 --seed 42 \
  --rounds 1500 | tee "$WORK/ramsetu_train_1500.log"
