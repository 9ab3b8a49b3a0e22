# Salesforce reports may write 1/5/26: the preset reads both widths. The
# same export with two-digit years gives the same cohorts, byte for byte,
# as with four (salesforce-leads.csv); 2026-Q1 etc., never 0026-Q1.
lead-convert --preset salesforce-leads --period quarter salesforce-leads.csv >four.tmp 2>&1
lead-convert --preset salesforce-leads --period quarter salesforce-leads-yy.csv >two.tmp 2>&1
sed 's/-yy\.csv/.csv/' two.tmp | cmp -s - four.tmp && echo "same as with four-digit years"
rm -f four.tmp two.tmp
lead-convert --preset salesforce-leads --period quarter salesforce-leads-yy.csv 2>/dev/null | cut -d, -f1-3
