# Two versions of a synthetic 10,000-item catalog for benchmarking `totsugo diff`.
#   awk -v side=old [-v groups=N] -f gen.awk > old.yaml
#   awk -v side=new [-v groups=N] -f gen.awk > new.yaml
# 200 groups (or N) of 49 items (9,800 items + 200 groups).  In the new side, every
# 20th item (5%) changes, cycling through the change kinds: reworded text
# (and an added item), rewording, renamed title, level, removal,
# renumbering, a move to the next group, a split and a merge.  A fixed
# linear congruential generator makes the texts, so both runs agree.
function rnd(   ) { seed = (seed * 16807) % 2147483647; return seed }	# exact in doubles
function word(   ) { return W[rnd() % NW + 1] }
function sentence(n,   s, k) { s = ""; for (k = 0; k < 5; k++) s = s word() P[rnd() % NP + 1]; return s word() "を" V[rnd() % NV + 1] "。" }
function text_of(n,   t) { seed = n * 7919 + 17; t = sentence(n) sentence(n); return t }
function title_of(n) { seed = n * 104729 + 3; return word() "の" word() "と" word() }
function item(id, title, level, text, ind) {
	printf "%s- id: \"%s\"\n%s  title: %s\n%s  level: %s\n%s  text: %s\n", ind, id, ind, title, ind, level, ind, text
}
BEGIN {
	NW = split("情報資産 取引先 委託先 機密情報 アカウント 管理者権限 バックアップ 脆弱性 ログ 端末 サーバ ネットワーク 従業員 役員 責任者 手順 規程 台帳 記録 教育 訓練 監査 点検 暗号 鍵 媒体 持出し 廃棄 入退室 施錠 通信 無線LAN クラウド 外部サービス 契約 秘密保持 事故 連絡 復旧 評価", W, " ")
	NP = split("の と を に について に対する", P, " ")
	NV = split("定める 記録する 確認する 実施する 見直す 周知する 管理する 保管する", V, " ")
	print "kind: catalog"
	print "id: bench-" side
	print "title: ベンチマーク用カタログ"
	print "version: \"" side "\""
	print "levels: [L1, L2, L3]"
	print "provenance: authored"
	print "items:"
	if (groups == "")
		groups = 200
	for (g = 0; g < groups; g++) {
		printf "  - id: \"g%d\"\n    title: 分類%d\n    items:\n", g, g
		for (k = 0; k < 49; k++) {
			n = g * 49 + k
			id = n; title = title_of(n); text = text_of(n); level = "L" (n % 3 + 1)
			if (side == "new" && (n in skip))	# merged into the item before
				continue
			if (side == "old" || n % 20 != 7) {
				item(id, title, level, text, "      ")
				continue
			}
			kind = int(n / 20) % 10
			if (kind == 0) {	# reworded, and a new item after it
				item(id, title, level, text "また、" word() "を" V[rnd() % NV + 1] "。", "      ")
				item("a" n, title_of(n + 500000), level, text_of(n + 500000), "      ")
			} else if (kind == 1 || kind == 2) {	# reworded
				sub(/。/, "、及び" word() "。", text)
				item(id, title, level, text, "      ")
			} else if (kind == 3) {	# renamed
				item(id, title "の" word(), level, text, "      ")
			} else if (kind == 4) {	# level
				item(id, title, "L" ((n + 1) % 3 + 1), text, "      ")
			} else if (kind == 5) {	# removed
			} else if (kind == 6) {	# renumbered
				item("r" n, title, level, text, "      ")
			} else if (kind == 7) {	# moved to the next group (written there)
				moved[(g + 1) % groups] = moved[(g + 1) % groups] sprintf("%d ", n)
			} else if (kind == 8) {	# split in two
				i = index(text, "。")
				item(id, title, level, substr(text, 1, i + 2), "      ")
				item(id "b", title "（続き）", level, substr(text, i + 3), "      ")
			} else if (kind == 9) {	# merged with the next item
				item(id, title, level, text text_of(n + 1), "      ")
				skip[n + 1] = 1
			}
		}
		if (g in moved) {
			split(moved[g], m, " ")
			for (j in m)
				if (m[j] != "")
					item(m[j], title_of(m[j] + 0), "L" (m[j] % 3 + 1), text_of(m[j] + 0), "      ")
		}
	}
}
