-- When the reported care took place (XDS serviceStartTime / serviceStopTime), as the French document's header says:
-- documentationOf/serviceEvent/effectiveTime, else componentOf/encompassingEncounter/effectiveTime. Unknown: NULL.
ALTER TABLE hs_document ADD COLUMN service_start TIMESTAMP WITH TIME ZONE;
ALTER TABLE hs_document ADD COLUMN service_stop TIMESTAMP WITH TIME ZONE;
