# csv.awk: CSV in and out for the awk programs of kpi-plot and kpi-report
# (RFC 4180: quoted fields with commas, doubled quotes and line breaks).
# Functions only: load it with -f before the program that uses it. Portable
# awk (mawk, gawk, busybox, the one true awk), run with LC_ALL=C.
#
# Bad CSV is never guessed at: a quote that does not open and close a
# field, a quote that never closes, a field longer than CSVMAX bytes (the
# tools' field cap, RD_MAX_FIELD) stop the program: "PROG: FILE:LINE: what
# is wrong" on standard error, exit status 65.
#
# The program sets PROG, its name in messages. It reads a whole file
# record by record with readrec(FILE), or feeds its input line by line to
# csvline(LINE, NR) and calls csvend() at the end, with CSVFILE the name
# of the input in messages. A record's fields are in F[1..n]; CSVLINE is
# the line the record starts on. After a failure awk still runs the END
# rules: a program's begins with "if (failed) exit 65". load(FILE) reads
# a tool's output into a table, cell() and get() look values up in it;
# csvq() and num() write fields as the tools do.

function fail(msg) {
	printf "%s: %s\n", PROG, msg | "cat 1>&2"
	close("cat 1>&2")
	failed = 1
	exit 65
}

function at(line) {
	return CSVFILE ":" line ": "
}

# Line NR of the input, its line end cut (and a UTF-8 BOM on line 1): the
# number of fields in F[1..n] when it completes a record; 0 when it is an
# empty line between records, or when a quoted field goes on past it.
function csvline(line, nr,    n, j) {
	if (!CSVMAX)
		CSVMAX = 1048576
	if (nr == 1 && substr(line, 1, 3) == "\357\273\277")
		line = substr(line, 4)
	if (line ~ /\r$/)
		line = substr(line, 1, length(line) - 1)
	# Inside an open quoted field, every quote toggles the quoting: the
	# record is whole when the count of its quotes is even. So its lines
	# are kept apart and joined, and split, once, then: splitting the
	# growing record at every line took time quadratic in its length
	# (a stray quote early in a large file ran for minutes).
	if (!csv_open) {
		if (line == "")
			return 0
		csv_rec = line
		CSVLINE = nr
		csv_quotes = gsub(/"/, "\"", line)
	} else {
		csv_part[++csv_nparts] = line
		csv_len += length(line) + 1
		if (csv_len > CSVMAX)
			fail(at(CSVLINE) "a field runs past " CSVMAX " bytes: an unterminated quote in the record starting here?")
		csv_quotes += gsub(/"/, "\"", line)
		if (csv_quotes % 2)
			return 0
		csv_rec = joinlines(csv_part, 1, csv_nparts)
		delete csv_part
	}
	n = splitcsv(csv_rec)
	if (n < 0) {
		csv_open = 1
		csv_nparts = 1
		csv_part[1] = csv_rec
		csv_len = length(csv_rec)
		return 0
	}
	csv_open = 0
	if (length(csv_rec) > CSVMAX)
		for (j = 1; j <= n; j++)
			if (length(F[j]) > CSVMAX)
				fail(at(CSVLINE) "a field runs past " CSVMAX " bytes: an unterminated quote in the record starting here?")
	return n
}

# At the end of the input: a quoted field still open is an error.
function csvend() {
	if (csv_open)
		fail(at(CSVLINE) "unterminated quoted field: a quote opens in the record starting here and never closes")
}

# LO..HI of A, joined by newlines, halves first: time n log n, not n^2.
function joinlines(a, lo, hi,    mid) {
	if (lo == hi)
		return a[lo]
	mid = int((lo + hi) / 2)
	return joinlines(a, lo, mid) "\n" joinlines(a, mid + 1, hi)
}

# Split the record S into F[1..n]; -1 when a quoted field is still open.
function splitcsv(s,    n, i, p, fld, c, rest) {
	# Without quotes, commas split: at once (field by field, every field
	# copied the rest of the line: minutes for 500,000 fields).
	if (index(s, "\"") == 0)
		return split(s, F, ",")
	n = 0
	i = 1
	for (;;) {
		if (substr(s, i, 1) == "\"") {
			fld = ""
			i++
			for (;;) {
				p = index(substr(s, i), "\"")
				if (p == 0)
					return -1
				fld = fld substr(s, i, p - 1)
				i += p
				if (substr(s, i, 1) != "\"")
					break
				fld = fld "\""
				i++
			}
			c = substr(s, i, 1)
			if (c != "," && c != "")
				badquote(s, i)
			F[++n] = fld
			if (c == "")
				return n
			i++
		} else {
			rest = substr(s, i)
			p = index(rest, ",")
			fld = p ? substr(rest, 1, p - 1) : rest
			if ((c = index(fld, "\"")) > 0)
				badquote(s, i + c - 1)
			F[++n] = fld
			if (!p)
				return n
			i += p
		}
	}
}

function badquote(s, i,    line, col, j) {
	line = CSVLINE
	col = i
	for (j = 1; j < i; j++)
		if (substr(s, j, 1) == "\n") {
			line++
			col = i - j
		}
	fail(at(line) "malformed CSV at byte " col ": a quote must open a field and close it, right before a separator or the line end (write a quote inside a quoted field as \"\")")
}

# Read the next record of FILE into F[1..n]; 0 at its end, or when FILE
# cannot be read. After its end and a close(FILE), the next read starts
# again at line 1.
function readrec(f,    line, n) {
	CSVFILE = f
	while ((getline line < f) > 0)
		if ((n = csvline(line, ++CSVNR[f])) > 0)
			return n
	csvend()
	delete CSVNR[f]
	return 0
}

# A whole file (a tool's output) into V[FILE, row, col], its header into
# HC[FILE, name] and HN[FILE, col]: the number of rows.
function load(f,    n, r, j) {
	if (f in ROWS)
		return ROWS[f]
	r = 0
	if ((n = readrec(f)) > 0) {
		NCOL[f] = n
		for (j = 1; j <= n; j++) {
			HC[f, F[j]] = j
			HN[f, j] = F[j]
		}
		while ((n = readrec(f)) > 0) {
			r++
			for (j = 1; j <= n; j++)
				V[f, r, j] = F[j]
		}
	}
	close(f)
	ROWS[f] = r
	return r
}

function cell(f, r, name) {
	load(f)
	return r > 0 && ((f, name) in HC) ? V[f, r, HC[f, name]] : ""
}

# The first row of f whose column k1 is v1 (and k2 is v2, when given).
function find(f, k1, v1, k2, v2,    r, n) {
	n = load(f)
	for (r = 1; r <= n; r++)
		if (cell(f, r, k1) == v1 && (k2 == "" || cell(f, r, k2) == v2))
			return r
	return 0
}

function get(f, k1, v1, col) {
	return cell(f, find(f, k1, v1), col)
}

function csvq(s) {
	if (s ~ /[",\n\r]/) {
		gsub(/"/, "\"\"", s)
		return "\"" s "\""
	}
	return s
}

# A number as kpikit writes it: at most 6 decimals, no trailing zeros,
# never -0.
function num(x,    s) {
	s = sprintf("%.6f", x)
	sub(/0+$/, "", s)
	sub(/[.]$/, "", s)
	if (s == "-0")
		s = "0"
	return s
}
