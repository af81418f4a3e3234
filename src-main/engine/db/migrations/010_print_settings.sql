-- Printing settings (issue 10, items 4 and 13): the language a customer's
-- documents are printed in by default, and the company's GS1 company prefix and
-- usual carrier, which the waybill takes as its defaults instead of having them
-- typed on every shipment.
ALTER TABLE party ADD COLUMN language TEXT NOT NULL DEFAULT 'nb' CHECK (language IN ('nb', 'en'));
ALTER TABLE company ADD COLUMN gs1_company_prefix TEXT CHECK (gs1_company_prefix GLOB '[0-9]*' AND length(gs1_company_prefix) BETWEEN 7 AND 10);
ALTER TABLE company ADD COLUMN default_carrier TEXT;
